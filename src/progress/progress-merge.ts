import { PROGRESS_FORMAT_VERSION, type ExerciseProgress, type Progress } from './progress-file.js';

/**
 * What a save writes when the file holds another tutor's progress: the
 * union, exercise by exercise. Solved beats started beats new; the earliest
 * start, solve and look at the solution are kept; "with help" stays what
 * progress-updates.ts makes it: the solution was seen before the first
 * solve, whichever tutor made that solve. The language and the last place
 * are the saver's. A `forgottenAt` (`:reset-progress`) in either side wins
 * over everything that happened before it, so a tutor that missed the reset
 * cannot bring the forgotten progress back.
 */
export function mergeProgress(saved: Progress, mine: Progress): Progress {
  const forgottenAt = latest(saved.forgottenAt, mine.forgottenAt);
  const exercises: Record<string, ExerciseProgress> = {};
  for (const id of new Set([...Object.keys(saved.exercises), ...Object.keys(mine.exercises)])) {
    const kept = [saved.exercises[id], mine.exercises[id]]
      .map((entry) => (entry === undefined ? undefined : forgetBefore(entry, forgottenAt)))
      .filter((entry): entry is ExerciseProgress => entry !== undefined);
    const [first, second] = kept;
    const merged = first && second ? mergeEntries(first, second) : first;
    if (merged) exercises[id] = merged;
  }
  // The saver forgot after the file was written: the file's last place is forgotten with the rest.
  const last = mine.last ?? (isAfter(mine.forgottenAt, saved.forgottenAt) ? undefined : saved.last);
  const language = mine.language ?? saved.language;
  return {
    formatVersion: PROGRESS_FORMAT_VERSION,
    ...(language ? { language } : {}),
    ...(last !== undefined && (exercises[last] || last === mine.last) ? { last } : {}),
    ...(forgottenAt ? { forgottenAt } : {}),
    exercises,
  };
}

function mergeEntries(a: ExerciseProgress, b: ExerciseProgress): ExerciseProgress {
  const solved = a.status === 'solved' || b.status === 'solved';
  const solvedAt = earliest(a.solvedAt, b.solvedAt);
  return withTimes({
    status: solved ? 'solved' : 'started',
    startedAt: earliest(a.startedAt, b.startedAt),
    solvedAt,
    // Each side's look at the solution counts when it came before the first solve of either side.
    helpedAt: earliest(helpBefore(a, solved ? solvedAt : undefined), helpBefore(b, solved ? solvedAt : undefined)),
    withHelp: helped(a, solved ? solvedAt : undefined) || helped(b, solved ? solvedAt : undefined),
  });
}

/** Did this side see the solution before `firstSolve`? A look of unknown time (format 1) counts: "with help" is the humbler claim. */
function helped(entry: ExerciseProgress, firstSolve: string | undefined): boolean {
  if (entry.withHelp !== true) return false;
  if (entry.helpedAt === undefined || firstSolve === undefined) return true;
  return !isAfter(entry.helpedAt, firstSolve);
}

function helpBefore(entry: ExerciseProgress, firstSolve: string | undefined): string | undefined {
  return helped(entry, firstSolve) ? entry.helpedAt : undefined;
}

/**
 * The entry as it stands after the learner forgot everything up to
 * `forgottenAt`: only what happened since is kept, and an entry with
 * nothing left (times unknown count as before) is dropped.
 */
export function forgetBefore(entry: ExerciseProgress, forgottenAt: string | undefined): ExerciseProgress | undefined {
  if (forgottenAt === undefined) return entry;
  const since = (at: string | undefined) => (at !== undefined && !isAfter(forgottenAt, at) ? at : undefined);
  const startedAt = since(entry.startedAt);
  const solvedAt = entry.status === 'solved' ? since(entry.solvedAt) : undefined;
  const helpedAt = entry.withHelp === true ? since(entry.helpedAt) : undefined;
  if (startedAt === undefined && solvedAt === undefined && helpedAt === undefined) return undefined;
  return withTimes({
    status: solvedAt !== undefined ? 'solved' : 'started',
    startedAt,
    solvedAt,
    helpedAt,
    withHelp: helpedAt !== undefined && (solvedAt === undefined || !isAfter(helpedAt, solvedAt)),
  });
}

/** The entry without the fields that say nothing (undefined times, a false withHelp), as the file writes it. */
function withTimes(entry: { status: ExerciseProgress['status']; startedAt?: string | undefined; solvedAt?: string | undefined; helpedAt?: string | undefined; withHelp: boolean }): ExerciseProgress {
  return {
    status: entry.status,
    ...(entry.startedAt !== undefined ? { startedAt: entry.startedAt } : {}),
    ...(entry.solvedAt !== undefined ? { solvedAt: entry.solvedAt } : {}),
    ...(entry.withHelp ? { withHelp: true } : {}),
    ...(entry.withHelp && entry.helpedAt !== undefined ? { helpedAt: entry.helpedAt } : {}),
  };
}

/** `a` is strictly later than `b` (an unknown time is never later). */
function isAfter(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined) return false;
  if (b === undefined) return true;
  return Date.parse(a) > Date.parse(b);
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return isAfter(a, b) ? b : a;
}

function latest(a: string | undefined, b: string | undefined): string | undefined {
  return isAfter(b, a) ? b : a;
}
