import type { SaveOutcome } from '../../progress/progress-store.js';
import { texts } from '../texts.js';
import type { AppState } from './app-state.js';

/**
 * The state once a save of the progress ended. Saved: the screens may say
 * so, and the file's merged progress (other tutors' solves included) is
 * shown unless the learner changed something since. Failed: "saved" is no
 * longer true, and the reason is shown once, when saving starts failing.
 */
export function afterSave(state: AppState, outcome: SaveOutcome): AppState {
  const t = texts(state.language);
  switch (outcome.kind) {
    case 'off':
      return state;
    case 'saved': {
      // The notice about the failure goes with it.
      const failureShown = state.progressSaveError !== undefined && state.notice?.text === t.saveFailed(state.progressSaveError);
      return {
        ...state,
        progressSaved: true,
        progressSaveError: undefined,
        // Only over the very progress that was saved: a change made since must not be undone.
        ...(state.progress === outcome.asked ? { progress: outcome.progress } : {}),
        ...(failureShown ? { notice: undefined } : {}),
      };
    }
    case 'failed': {
      const reason = outcome.error.message;
      const firstFailure = state.progressSaveError === undefined;
      return {
        ...state,
        progressSaved: false,
        progressSaveError: reason,
        ...(firstFailure ? { notice: { text: t.saveFailed(reason), tone: 'warning' as const } } : {}),
      };
    }
  }
}
