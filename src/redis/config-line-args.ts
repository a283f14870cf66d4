/**
 * A redis.conf line as redis-server command-line arguments:
 * `maxmemory 64mb` -> ["--maxmemory", "64mb"], `rename-command DEBUG ""` ->
 * ["--rename-command", "DEBUG", ""]. Quoting follows redis.conf (double quotes
 * with backslash escapes, or single quotes). Used where no config file can be
 * handed over, i.e. a Docker container.
 */
export function configLineToArgs(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? '';
    if (quote) {
      if (char === '\\' && quote === '"' && i + 1 < line.length) {
        const next = line[++i] ?? '';
        current += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      } else if (char === quote) {
        quote = undefined;
      } else {
        current += char;
      }
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  if (words.length === 0 || words[0]?.startsWith('#')) return [];
  return [`--${words[0]}`, ...words.slice(1)];
}
