/**
 * redis-cli's sdssplitargs(): turns a typed line into command arguments.
 * It works on bytes (UTF-8 and any byte >= 0x80 pass through untouched) and,
 * like the C original, treats the line as a C string: a NUL byte ends it.
 */

const NUL = 0x00;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const LOWER_X = 0x78;

/** C isspace() in the C locale. */
export function isCSpace(byte: number): boolean {
  return byte === SPACE || (byte >= TAB && byte <= CR);
}

/** The part of the bytes a C string function (strcasecmp, strtol, %s) sees. */
export function cString(bytes: Buffer): Buffer {
  const nul = bytes.indexOf(NUL);
  return nul === -1 ? bytes : bytes.subarray(0, nul);
}

/** \v and \f count as whitespace between tokens but not as the end of an unquoted one. */
function endsUnquotedToken(byte: number): boolean {
  return byte === SPACE || byte === LF || byte === CR || byte === TAB || byte === NUL;
}

const CONTROL_ESCAPES: ReadonlyMap<number, number> = new Map([
  [0x6e, LF], // \n
  [0x72, CR], // \r
  [0x74, TAB], // \t
  [0x62, 0x08], // \b
  [0x61, 0x07], // \a
]);

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x61 + 10;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x41 + 10;
  return -1;
}

/** Why redis-cli said `Invalid argument(s)`: a quote left open, or a closing quote with more text right after it. */
export type SplitFailure = 'unclosed-quote' | 'text-after-quote';

/** @returns the arguments, or null where redis-cli prints `Invalid argument(s)`. */
export function splitArgs(line: Buffer | string): Buffer[] | null {
  const split = splitArgsOrWhy(line);
  return Array.isArray(split) ? split : null;
}

/** splitArgs(), with the reason instead of null: a learner is told which quote to fix. */
export function splitArgsOrWhy(line: Buffer | string): Buffer[] | SplitFailure {
  const input = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
  const bytes = cString(input);
  // Reading past the end yields NUL, exactly what the C code sees at the terminator.
  const at = (index: number): number => (index < bytes.length ? (bytes[index] as number) : NUL);
  // A token is never longer than the line, so one scratch buffer serves them all.
  const token = Buffer.allocUnsafe(bytes.length);
  const args: Buffer[] = [];
  let p = 0;

  for (;;) {
    while (p < bytes.length && isCSpace(at(p))) p++;
    if (p >= bytes.length) return args;

    let length = 0;
    let inDoubleQuotes = false;
    let inSingleQuotes = false;
    let done = false;
    while (!done) {
      const c = at(p);
      if (inDoubleQuotes) {
        const hexHigh = hexValue(at(p + 2));
        const hexLow = hexValue(at(p + 3));
        if (c === BACKSLASH && at(p + 1) === LOWER_X && hexHigh >= 0 && hexLow >= 0) {
          token[length++] = hexHigh * 16 + hexLow;
          p += 3;
        } else if (c === BACKSLASH && at(p + 1) !== NUL) {
          p++;
          const escaped = at(p);
          token[length++] = CONTROL_ESCAPES.get(escaped) ?? escaped;
        } else if (c === DOUBLE_QUOTE) {
          if (!closingQuoteIsWellPlaced(at(p + 1))) return 'text-after-quote';
          done = true;
        } else if (c === NUL) {
          return 'unclosed-quote';
        } else {
          token[length++] = c;
        }
      } else if (inSingleQuotes) {
        if (c === BACKSLASH && at(p + 1) === SINGLE_QUOTE) {
          p++;
          token[length++] = SINGLE_QUOTE;
        } else if (c === SINGLE_QUOTE) {
          if (!closingQuoteIsWellPlaced(at(p + 1))) return 'text-after-quote';
          done = true;
        } else if (c === NUL) {
          return 'unclosed-quote';
        } else {
          token[length++] = c;
        }
      } else if (endsUnquotedToken(c)) {
        done = true;
      } else if (c === DOUBLE_QUOTE) {
        inDoubleQuotes = true;
      } else if (c === SINGLE_QUOTE) {
        inSingleQuotes = true;
      } else {
        token[length++] = c;
      }
      if (c !== NUL) p++;
    }
    args.push(Buffer.from(token.subarray(0, length)));
  }
}

function closingQuoteIsWellPlaced(next: number): boolean {
  return next === NUL || isCSpace(next);
}
