import type { AppState } from './app-state.js';

/**
 * What the checklist's title says about solving:
 * - `solved`: every check passes now.
 * - `solved-earlier`: this attempt passed every check once (the progress keeps
 *   it, Enter still moves on) but a check is red now, e.g. after leaving
 *   subscribe mode. The title must not claim ✓ Solved over a red check.
 * - `unsolved`: not yet.
 */
export type SolvedState = 'solved' | 'solved-earlier' | 'unsolved';

export function solvedState(state: Pick<AppState, 'solvedNow' | 'result'>): SolvedState {
  if (!state.solvedNow) return 'unsolved';
  return state.result === undefined || state.result.passed ? 'solved' : 'solved-earlier';
}
