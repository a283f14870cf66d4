/**
 * Text for XML 1.0 attribute values and character data. Characters XML 1.0
 * cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF —
 * a student's program may print any of them) become U+FFFD, so the
 * document stays well-formed whatever went in.
 */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- the C0 controls XML 1.0 cannot hold are what this replaces
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
