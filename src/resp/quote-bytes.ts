/**
 * sdscatrepr(): how redis-cli shows a bulk string in STANDARD mode, and how
 * hiredis names an unexpected byte in its protocol errors. redis-cli never
 * calls setlocale, so isprint() is the C locale's and every byte >= 0x80 is
 * escaped.
 */

const NAMED_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x5c, '\\\\'],
  [0x22, '\\"'],
  [0x0a, '\\n'],
  [0x0d, '\\r'],
  [0x09, '\\t'],
  [0x07, '\\a'],
  [0x08, '\\b'],
]);

const ESCAPED_BYTE: readonly Buffer[] = Array.from({ length: 256 }, (_, byte) => {
  const named = NAMED_ESCAPES.get(byte);
  if (named !== undefined) return Buffer.from(named, 'latin1');
  if (byte >= 0x20 && byte <= 0x7e) return Buffer.of(byte);
  return Buffer.from(`\\x${byte.toString(16).padStart(2, '0')}`, 'latin1');
});

const QUOTE = 0x22;

export function quoteBytes(bytes: Buffer): Buffer {
  let length = 2;
  for (const byte of bytes) length += (ESCAPED_BYTE[byte] as Buffer).length;
  const out = Buffer.allocUnsafe(length);
  out[0] = QUOTE;
  let at = 1;
  for (const byte of bytes) {
    const escaped = ESCAPED_BYTE[byte] as Buffer;
    // Most bytes are printable: a single store beats Buffer.copy for them.
    if (escaped.length === 1) out[at++] = byte;
    else at += escaped.copy(out, at);
  }
  out[at] = QUOTE;
  return out;
}
