import type { AppAction } from './state/app-actions.js';
import { appReducer } from './state/app-reducer.js';
import type { AppState, TranscriptKind } from './state/app-state.js';
import type { AppStore } from './state/store.js';

/**
 * The one display delay: a reply within this long reaches the screen in the
 * same frame as its echo and the checklist it changed; a slower command
 * (BRPOP, a slow script) is shown as running.
 */
const SHOW_RUNNING_AFTER_MS = 40;

/**
 * How the controller talks to the screen: actions go to the store, and the
 * updates of one typed line can be grouped into one frame.
 */
export class ScreenUpdates {
  private holding = false;
  private pending: AppAction[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly store: AppStore) {}

  /** The state as it will be once grouped updates reach the screen. */
  get state(): AppState {
    return this.pending.reduce(appReducer, this.store.getState());
  }

  dispatch(action: AppAction): void {
    if (this.closed) return;
    if (this.holding) this.pending.push(action);
    else this.store.dispatch(action);
  }

  say(kind: TranscriptKind, ...lines: string[]): void {
    this.dispatch({ type: 'append', lines: lines.map((text) => ({ kind, text })) });
  }

  /** Groups what follows into one frame, until release() or SHOW_RUNNING_AFTER_MS. */
  hold(): void {
    this.holding = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.release(), SHOW_RUNNING_AFTER_MS);
  }

  release(): void {
    clearTimeout(this.timer);
    this.holding = false;
    const pending = this.pending;
    this.pending = [];
    if (pending.length > 0 && !this.closed) this.store.dispatchAll(pending);
  }

  /** Nothing reaches the screen any more (the app is closing). */
  close(): void {
    clearTimeout(this.timer);
    this.closed = true;
    this.pending = [];
  }
}
