import type { Language } from '../course/schema.js';
import type { ProgressLookup } from '../course/progress-slot.js';
import { emptyProgress, type Progress } from './progress-file.js';

/**
 * Pure updates: each returns a new Progress, so the store can save exactly
 * what the UI shows. Each records when it happened, for the merge with
 * other tutors' saves (./progress-merge.ts).
 */

export function markStarted(progress: Progress, id: string, now: Date = new Date()): Progress {
  const current = progress.exercises[id];
  return {
    ...progress,
    last: id,
    exercises: current ? progress.exercises : { ...progress.exercises, [id]: { status: 'started', startedAt: now.toISOString() } },
  };
}

export function markSolved(progress: Progress, id: string, now: Date = new Date()): Progress {
  const current = progress.exercises[id];
  if (current?.status === 'solved') return progress;
  return {
    ...progress,
    exercises: { ...progress.exercises, [id]: { ...current, status: 'solved', solvedAt: now.toISOString() } },
  };
}

/** Seeing the solution before solving makes the solve one "with help"; an exercise already solved keeps its record. */
export function markHelped(progress: Progress, id: string, now: Date = new Date()): Progress {
  const current = progress.exercises[id];
  // Only the first look counts (a merge compares it with the first solve).
  if (current?.status === 'solved' || current?.withHelp === true) return progress;
  const at = now.toISOString();
  return {
    ...progress,
    exercises: { ...progress.exercises, [id]: { status: 'started', startedAt: at, ...current, withHelp: true, helpedAt: at } },
  };
}

/**
 * `:reset-progress`: nothing is left but the language, and the time of
 * forgetting, which tells a merge to drop what any tutor still remembers
 * from before it.
 */
export function forgetProgress(language: Language, now: Date = new Date()): Progress {
  return { ...emptyProgress(), language, forgottenAt: now.toISOString() };
}

export function withLanguage(progress: Progress, language: Language): Progress {
  return { ...progress, language };
}

export function progressLookup(progress: Progress): ProgressLookup {
  return (id) => progress.exercises[id]?.status ?? 'new';
}

export function isSolvedWithHelp(progress: Progress, id: string): boolean {
  const entry = progress.exercises[id];
  return entry?.status === 'solved' && entry.withHelp === true;
}
