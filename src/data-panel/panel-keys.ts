/**
 * Which keys the panel shows: the exercise's own keys first (always), then
 * the keys the learner touched, most recent first, without duplicates.
 */
export function panelKeys(pinned: readonly string[], touchedOldestFirst: readonly string[], max: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (key: string) => {
    if (seen.has(key) || out.length >= max) return;
    seen.add(key);
    out.push(key);
  };
  pinned.forEach(add);
  [...touchedOldestFirst].reverse().forEach(add);
  return out;
}
