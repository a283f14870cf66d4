import type { Attempt } from '../engine/attempt.js';
import type { Engine } from '../engine/engine.js';
import { fetchSnapshots, touchedKeys } from '../data-panel/fetch-snapshots.js';
import { panelKeys } from '../data-panel/panel-keys.js';
import type { PanelData } from './state/app-state.js';

const MAX_PANEL_KEYS = 8;

/** The data panel's reads: the exercise's own keys and the ones the learner's commands touched. */
export class PanelReader {
  private touched: string[] = [];
  private seenCommands = 0;

  /** A new attempt: nothing touched yet. */
  reset(): void {
    this.touched = [];
    this.seenCommands = 0;
  }

  /** The keys' current state, or undefined when the read failed (the panel keeps its last picture). */
  async read(engine: Engine, attempt: Attempt): Promise<PanelData | undefined> {
    try {
      const fresh = attempt.commands.slice(this.seenCommands);
      this.seenCommands = attempt.commands.length;
      this.touched.push(...(await touchedKeys(engine.checker, fresh)));
      const keys = panelKeys(attempt.exercise.keys, this.touched, MAX_PANEL_KEYS);
      return { snapshots: await fetchSnapshots(engine.checker, keys), pinned: [...attempt.exercise.keys] };
    } catch {
      return undefined;
    }
  }
}
