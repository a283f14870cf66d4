/** Edit distance (insertions, deletions, substitutions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/**
 * The candidates a mistyped word most likely meant, best first. A candidate
 * qualifies when it is a few edits away (scaled to the word's length) or
 * contains / is contained in the word, so `counter` finds `getting-started/counter`.
 */
export function closestMatches(word: string, candidates: readonly string[], limit = 3): string[] {
  const needle = word.toLowerCase();
  const budget = Math.max(2, Math.floor(needle.length / 4));
  return candidates
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      const distance = editDistance(needle, lower);
      const contains = needle.length >= 3 && (lower.includes(needle) || needle.includes(lower));
      return { candidate, score: contains ? Math.min(distance, 1) : distance, qualifies: contains || distance <= budget };
    })
    .filter((entry) => entry.qualifies)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    // A clearly better match makes the far ones noise.
    .filter((entry, _index, sorted) => entry.score <= (sorted[0]?.score ?? 0) + 2)
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

/**
 * What an id someone typed most likely meant: the ids it begins (`expiry` ->
 * `expiry-caching`) or begins a word of, when there are such, as a prefix is
 * how people shorten names; else the near misses of closestMatches().
 */
export function likelyMeant(word: string, candidates: readonly string[], limit = 3): string[] {
  const needle = word.toLowerCase().replace(/^\d+-/, '');
  if (needle === '') return [];
  const startsWith = candidates.filter((candidate) => candidate.toLowerCase().startsWith(needle));
  if (startsWith.length > 0) return startsWith.slice(0, limit);
  const wordStarts = candidates.filter((candidate) => candidate.toLowerCase().split(/[-_/]/).some((part) => part.startsWith(needle)) && needle.length >= 3);
  if (wordStarts.length > 0) return wordStarts.slice(0, limit);
  return closestMatches(needle, candidates, limit);
}
