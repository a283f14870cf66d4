import type { Supervisor } from '../engine/supervisor.js';
import type { CommandRunner } from './command-runner.js';
import type { ScreenUpdates } from './screen-updates.js';
import { texts } from './texts.js';

/**
 * Ctrl-C while a line runs: a blocking command is woken; a script that keeps
 * the server busy is killed (SCRIPT KILL, FUNCTION KILL), and one that cannot
 * be (it wrote already) ends only with the server: the learner is asked
 * whether to restart it when the tutor runs it, else told how to end it.
 * Once the reply is in (the tutor is still checking), it asks to quit, as
 * at the prompt.
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
      const interrupted = await this.runner.interruptCommand();
      if (interrupted === 'busy') await this.endScript();
      // The reply is in and only the tutor's checks still run: a Ctrl-C there means what it means at the prompt.
      else if (interrupted === 'idle') this.screen.dispatch({ type: 'confirm', question: 'quit' });
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
