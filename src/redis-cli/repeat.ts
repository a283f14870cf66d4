/**
 * The optional repeat count in front of a command (`3 ping`), decided the
 * way redis-cli 7.0 does it: strtol(argv[0], &end, 10) must consume the whole
 * first argument, and only when there is a command after it.
 */
import { cString, isCSpace } from './split-args.js';

export const INVALID_REPEAT_MESSAGE = 'Invalid redis-cli repeat command option value.';

export type RepeatPrefix =
  /** No prefix: run `args` once. */
  | { kind: 'none'; args: Buffer[] }
  /** Run `args` (prefix removed) `count` times. */
  | { kind: 'repeat'; count: number; args: Buffer[] }
  /** Print INVALID_REPEAT_MESSAGE; nothing is sent and nothing goes to history. */
  | { kind: 'invalid' };

export function parseRepeatPrefix(args: Buffer[]): RepeatPrefix {
  const first = args[0];
  if (args.length < 2 || first === undefined) return { kind: 'none', args };
  const text = cString(first);
  const parsed = strtol(text);
  if (parsed.end !== text.length) return { kind: 'none', args };
  // An empty first argument is a complete parse of 0, hence invalid like "0".
  if (parsed.overflowed || parsed.value <= 0n) return { kind: 'invalid' };
  return { kind: 'repeat', count: Number(parsed.value), args: args.slice(1) };
}

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

export interface StrtolResult {
  /** Saturated to the range of a 64-bit long, as strtol does. */
  value: bigint;
  /** strtol would have set errno = ERANGE. */
  overflowed: boolean;
  /** Where parsing stopped (strtol's *endptr); 0 when there were no digits. */
  end: number;
}

/** glibc strtol(text, &end, 10) over a C string (see cString). */
export function strtol(text: Buffer): StrtolResult {
  let at = 0;
  while (at < text.length && isCSpace(text[at] as number)) at++;
  let negative = false;
  if (text[at] === 0x2b || text[at] === 0x2d) negative = text[at++] === 0x2d;
  const digitsStart = at;
  while (at < text.length && isDigit(text[at] as number)) at++;
  if (at === digitsStart) return { value: 0n, overflowed: false, end: 0 };

  const magnitude = BigInt(text.subarray(digitsStart, at).toString('latin1'));
  const exact = negative ? -magnitude : magnitude;
  const value = exact > LONG_MAX ? LONG_MAX : exact < LONG_MIN ? LONG_MIN : exact;
  return { value, overflowed: value !== exact, end: at };
}

function isDigit(byte: number): boolean {
  return byte >= 0x30 && byte <= 0x39;
}
