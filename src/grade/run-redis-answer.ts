import type { Attempt } from '../engine/attempt.js';
import { isCommandLine } from '../course/script-lines.js';
import type { LineError } from '../results/report-model.js';

/** One command line of a .redis file, with its 1-based line number. */
export interface AnswerLine {
  line: number;
  text: string;
}

/** Enough to show what went wrong without a report that grows with a hostile file. */
const MAX_LINE_ERRORS = 20;

/** The command lines of a .redis answer: `#` comments and blank lines dropped, as redis-cli would ignore them. */
export function answerLines(text: string): AnswerLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .flatMap((text, index) => (isCommandLine(text) ? [{ line: index + 1, text: text.trim() }] : []));
}

/** Where a running .redis answer is, so a timeout can name the line that hung. */
export interface RedisAnswerProgress {
  current: AnswerLine | undefined;
  lineErrors: LineError[];
}

/**
 * Sends the lines on the learner's connection one after another, as if
 * typed: an error reply is noted and the next line runs, as in redis-cli.
 * Each line may block until the deadline at most (then the engine
 * interrupts it); `stopped()` ends the run early (deadline, server gone).
 */
export async function runRedisAnswer(
  attempt: Attempt,
  lines: readonly AnswerLine[],
  deadline: number,
  stopped: () => boolean,
  progress: RedisAnswerProgress,
): Promise<void> {
  for (const line of lines) {
    const remaining = deadline - Date.now();
    if (remaining <= 0 || stopped()) return;
    progress.current = line;
    const outcome = await attempt.runLine(line.text, { timeoutMs: remaining });
    // Interrupted at the deadline (the engine's CLIENT UNBLOCK): this is the line that hung; its reply is not the student's.
    if (Date.now() >= deadline) return;
    const error = outcome.problem ?? (outcome.reply?.type === 'error' ? outcome.reply.value.toString('utf8') : undefined);
    if (error !== undefined && progress.lineErrors.length < MAX_LINE_ERRORS) progress.lineErrors.push({ line: line.line, text: line.text, error });
  }
  progress.current = undefined;
}
