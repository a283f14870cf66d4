/**
 * A strict well-formedness check for the XML subset reporters write
 * (declaration, elements, attributes, character data, entity references;
 * no DTD, comments, CDATA or processing instructions besides the
 * declaration). Throws with the position of the first violation.
 */
export function assertWellFormedXml(xml: string): void {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`not well-formed XML at offset ${at}: ${why} near ${JSON.stringify(xml.slice(Math.max(0, at - 20), at + 20))}`);
  };
  // XML 1.0 Char production.
  const invalidChar = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(xml);
  if (invalidChar) {
    at = invalidChar.index;
    fail(`character U+${(invalidChar[0].codePointAt(0) ?? 0).toString(16)} is not allowed`);
  }
  const NAME = /^[A-Za-z_:][\w.:-]*/;
  const checkReferences = (text: string) => {
    for (const match of text.matchAll(/&([^;]*);?/g)) {
      if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(match[0])) fail(`bad entity reference ${match[0]}`);
    }
  };

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    at = end + 2;
  }
  const stack: string[] = [];
  let roots = 0;
  while (at < xml.length) {
    const next = xml.indexOf('<', at);
    const text = xml.slice(at, next < 0 ? xml.length : next);
    if (stack.length === 0 && text.trim() !== '') fail('text outside the root element');
    if (text.includes('>') && /]]>/.test(text)) fail('"]]>" in character data');
    checkReferences(text);
    if (next < 0) break;
    at = next;
    if (xml.startsWith('</', at)) {
      const name = NAME.exec(xml.slice(at + 2))?.[0] ?? fail('bad end tag');
      const close = xml.indexOf('>', at);
      if (close < 0 || xml.slice(at + 2 + name.length, close).trim() !== '') fail('bad end tag');
      if (stack.pop() !== name) fail(`end tag </${name}> does not match`);
      at = close + 1;
      continue;
    }
    const name = NAME.exec(xml.slice(at + 1))?.[0] ?? fail('bad start tag');
    if (stack.length === 0 && ++roots > 1) fail('more than one root element');
    at += 1 + name.length;
    const seen = new Set<string>();
    for (;;) {
      const rest = xml.slice(at);
      const space = /^\s*/.exec(rest)?.[0].length ?? 0;
      if (rest.slice(space).startsWith('/>')) {
        at += space + 2;
        break;
      }
      if (rest.slice(space).startsWith('>')) {
        at += space + 1;
        stack.push(name);
        break;
      }
      if (space === 0) fail('attributes must be separated by white space');
      const attribute = /^([A-Za-z_:][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(rest.slice(space)) ?? fail('bad attribute');
      const attributeName = attribute[1] ?? '';
      if (seen.has(attributeName)) fail(`duplicate attribute ${attributeName}`);
      seen.add(attributeName);
      checkReferences(attribute[3] ?? attribute[4] ?? '');
      at += space + attribute[0].length;
    }
  }
  if (stack.length > 0) fail(`unclosed <${stack.at(-1)}>`);
  if (roots !== 1) fail('no root element');
}
