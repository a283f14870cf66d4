import type { AppAction } from './app-actions.js';
import { appReducer } from './app-reducer.js';
import type { AppState } from './app-state.js';

/**
 * A minimal external store (what useSyncExternalStore wants): the session
 * controller dispatches from async code, React screens subscribe.
 */
export class AppStore {
  private state: AppState;
  private readonly listeners = new Set<() => void>();

  constructor(initial: AppState) {
    this.state = initial;
  }

  getState = (): AppState => this.state;

  dispatch = (action: AppAction): void => {
    const next = appReducer(this.state, action);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  };

  /** Several actions, one notification: one render for what belongs together (a reply and the checklist it changed). */
  dispatchAll = (actions: readonly AppAction[]): void => {
    let next = this.state;
    for (const action of actions) next = appReducer(next, action);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
