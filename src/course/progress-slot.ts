/**
 * How far the learner is with an exercise. `list` shows it; until the
 * progress store exists every exercise is `new` (NO_PROGRESS).
 */
export type ExerciseStatus = 'new' | 'started' | 'solved';

export type ProgressLookup = (exerciseId: string) => ExerciseStatus;

export const NO_PROGRESS: ProgressLookup = () => 'new';
