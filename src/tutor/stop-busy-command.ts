import type { Supervisor } from '../engine/supervisor.js';
import type { CommandRunner } from './command-runner.js';
import type { ScreenUpdates } from './screen-updates.js';
import { texts } from './texts.js';

/**
 * Ctrl-C while a command runs: a blocking one is woken; a script that keeps
 * the server busy is killed (SCRIPT KILL, FUNCTION KILL), and one that cannot
 * be (it wrote already) ends only with the server: the learner is asked
 * whether to restart it when the tutor runs it, else told how to end it.
 */
export class BusyCommandStopper {
  /** A Ctrl-C is already on its way: more presses wait for it to be dealt with. */
  private stopping = false;

  constructor(
    private readonly runner: CommandRunner,
    private readonly supervisor: Supervisor,
    private readonly screen: ScreenUpdates,
  ) {}

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    try {
      if ((await this.runner.interruptCommand()) === 'busy') await this.endScript();
    } finally {
      this.stopping = false;
    }
  }

  private async endScript(): Promise<void> {
    const t = texts(this.screen.state.language);
    const kill = await this.supervisor.killScript();
    if (kill.outcome === 'killed') this.screen.say('tutor', t.scriptKilled(kill.by));
    else if (kill.outcome === 'unkillable') {
      if (this.supervisor.target.control.restartable) this.screen.dispatch({ type: 'confirm', question: 'restart-server' });
      else this.screen.say('warning', t.scriptUnkillableHere);
    }
  }
}
