/**
 * The `(0.60s)` line redis-cli prints after a command that took 500 ms or
 * more, in STANDARD output mode only. redis-cli measures with mstime() (whole
 * milliseconds of wall clock) and prints with printf("%.2f"), which rounds
 * the exact binary value and breaks exact ties to even.
 */
export const TIMING_THRESHOLD_MS = 500;

/** @returns the line with its `\n`, or null when redis-cli prints none. */
export function timingLine(elapsedMs: number, mode: 'standard' | 'raw'): string | null {
  if (mode !== 'standard' || elapsedMs < TIMING_THRESHOLD_MS) return null;
  return `(${formatSeconds(elapsedMs)}s)\n`;
}

/** printf("%.2f", ms / 1000.0) for a whole number of milliseconds. */
export function formatSeconds(elapsedMs: number): string {
  const ms = Math.trunc(elapsedMs);
  // ms/1000 sits exactly halfway between two hundredths only when it is a
  // multiple of 1/8 ending in 5 (0.125, 0.375, ...): there C rounds to even
  // and toFixed rounds up. Everywhere else both round the exact binary value.
  if (ms % 10 === 5 && ms % 125 === 0) {
    const down = Math.floor(ms / 10);
    const hundredths = down % 2 === 0 ? down : down + 1;
    return (hundredths / 100).toFixed(2);
  }
  return (ms / 1000).toFixed(2);
}
