import type { PathSegment, ScriptLine, SourceLocation } from './schema.js';

/** True for lines a script runs: not blank, not a `#` comment. */
export function isCommandLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

/**
 * The redis-cli lines of a multi-line text (solution, setup, an actor's run),
 * each with its place in the file so a failing line can be pointed at.
 */
export function scriptLines(
  text: string,
  path: readonly PathSegment[],
  locateTextLine: (path: readonly PathSegment[], lineIndex: number) => SourceLocation,
): ScriptLine[] {
  return text.split(/\r?\n/).flatMap((line, index) =>
    isCommandLine(line) ? [{ text: line.trim(), location: locateTextLine(path, index) }] : [],
  );
}
