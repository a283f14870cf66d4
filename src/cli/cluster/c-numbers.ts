/** Numbers read and printed as redis-cli's C does. */
/** glibc atoi(), as redis-cli reads ports, slots and counts: leading blanks, a sign, digits, the rest ignored; int-sized. */
export function atoi(text: string): number {
  const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text);
  if (match === null) return 0;
  return Number(BigInt.asIntN(32, BigInt(match[1] as string)));
}

/**
 * printf("%.2f") of a C float as glibc prints it: the exact binary value
 * rounded half to even (2048 keys / 16384 is 0.125, which glibc prints 0.12
 * and JavaScript's toFixed(2) 0.13).
 */
export function printfFixed2(value: number): string {
  const exact = Math.fround(value).toFixed(40);
  const [whole = '0', fraction = ''] = exact.replace('-', '').split('.');
  const kept = BigInt(whole + fraction.slice(0, 2));
  const rest = fraction.slice(2);
  const half = '5'.padEnd(rest.length, '0');
  const roundUp = rest > half || (rest === half && kept % 2n === 1n);
  const digits = (kept + (roundUp ? 1n : 0n)).toString().padStart(3, '0');
  const sign = value < 0 && (kept !== 0n || roundUp) ? '-' : '';
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
