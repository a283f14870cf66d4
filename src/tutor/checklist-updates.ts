import { performance } from 'node:perf_hooks';
import type { Attempt } from '../engine/attempt.js';
import { errorMessage } from '../errors.js';
import type { ScreenUpdates } from './screen-updates.js';
import { texts } from './texts.js';

/**
 * Runs the attempt's checks and puts the result on screen; a solved
 * exercise is handed to `onSolved` (the progress). `current()` says whether
 * the attempt is still the one on screen when a result comes in late.
 */
export async function updateChecklist(
  screen: ScreenUpdates,
  attempt: Attempt,
  current: () => boolean,
  onSolved: (exerciseId: string) => void,
  started?: number,
): Promise<void> {
  let result;
  try {
    result = await attempt.evaluate({ wait: false });
  } catch (error) {
    screen.say('warning', texts(screen.state.language).tutorError(errorMessage(error)));
    return;
  }
  if (!current()) return;
  screen.dispatch({ type: 'evaluated', result, ...(started !== undefined ? { ms: performance.now() - started } : {}) });
  if (result.passed) {
    onSolved(result.id);
    return;
  }
  // Checks that may wait (a message still on its way) get their time, then the checklist updates again.
  // Not awaited: the prompt is back at once, and the checklist updates when the wait is over.
  const waits = attempt.exercise.checks.some((check, i) => (check.wait ?? 0) > 0 && !result.checks[i]?.passed);
  if (waits) void afterWait(screen, attempt, current, onSolved);
}

async function afterWait(screen: ScreenUpdates, attempt: Attempt, current: () => boolean, onSolved: (exerciseId: string) => void): Promise<void> {
  const later = await attempt.evaluate().catch(() => undefined);
  if (!later || !current()) return;
  screen.dispatch({ type: 'evaluated', result: later });
  if (later.passed) onSolved(later.id);
}
