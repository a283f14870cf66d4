import type { Language } from '../course/schema.js';
import type { ProgressLookup } from '../course/progress-slot.js';
import type { Progress } from './progress-file.js';

/** Pure updates: each returns a new Progress, so the store can save exactly what the UI shows. */

export function markStarted(progress: Progress, id: string): Progress {
  const current = progress.exercises[id];
  return {
    ...progress,
    last: id,
    exercises: current ? progress.exercises : { ...progress.exercises, [id]: { status: 'started' } },
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
export function markHelped(progress: Progress, id: string): Progress {
  const current = progress.exercises[id];
  if (current?.status === 'solved') return progress;
  return { ...progress, exercises: { ...progress.exercises, [id]: { status: 'started', ...current, withHelp: true } } };
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
