import type { Attempt } from '../engine/attempt.js';
import type { Engine } from '../engine/engine.js';
import type { Topology } from '../redis/topology/topology.js';
import { readLabPanel } from './lab-panel.js';
import { updateChecklist } from './checklist-updates.js';
import { LiveRefresh } from './live-refresh.js';
import { PanelReader } from './panel-reader.js';
import type { ScreenUpdates } from './screen-updates.js';

export interface AttemptViewDeps {
  screen: ScreenUpdates;
  /** The engine in use (a recovery opens a new one). */
  engine: () => Engine;
  /** Every check passed: the progress records it. */
  onSolved: (exerciseId: string) => void;
  /** The learner is not running anything: the server may be read for changes from other clients. */
  idle: () => boolean;
  /** The open lab's servers (an exercise with `topology:`): the panel shows them instead of keys. */
  lab: () => Topology | undefined;
}

/**
 * What the exercise screen shows of an attempt besides the transcript: the
 * checklist and the data panel, brought up to date after a line, on :check,
 * and whenever another client changes the data (./live-refresh.ts).
 * `current()` says whether the attempt is still the one on screen.
 */
export class AttemptView {
  private readonly panel = new PanelReader();
  private readonly live = new LiveRefresh();

  constructor(private readonly deps: AttemptViewDeps) {}

  /** Another attempt is coming: nothing touched yet, and no watching the old one. */
  reset(): void {
    this.panel.reset();
    this.live.stop();
  }

  evaluate(attempt: Attempt, current: () => boolean, started?: number): Promise<void> {
    return updateChecklist(this.deps.screen, attempt, current, this.deps.onSolved, started);
  }

  /** Reads the exercise's keys and the ones the learner touched, or a lab's servers; a failed read leaves the last picture up. */
  async refreshPanel(attempt: Attempt, current: () => boolean): Promise<void> {
    const lab = this.deps.lab();
    const engine = this.deps.engine();
    const panel = lab
      ? await readLabPanel(lab, engine.learner.spec.port).then(
          (topology) => ({ snapshots: [], pinned: [], topology }),
          () => undefined,
        )
      : await this.panel.read(engine, attempt);
    if (panel && current()) this.deps.screen.dispatch({ type: 'panel', panel });
  }

  /** Keeps the checklist and the panel live while the attempt is on screen. */
  watch(attempt: Attempt, current: () => boolean): void {
    this.live.watch({
      checker: this.deps.engine().checker,
      idle: this.deps.idle,
      current,
      refresh: async () => {
        await this.evaluate(attempt, current);
        await this.refreshPanel(attempt, current);
      },
    });
  }
}
