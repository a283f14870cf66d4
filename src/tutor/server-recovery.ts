import type { Supervisor } from '../engine/supervisor.js';
import { errorMessage } from '../errors.js';
import { redisWhere } from './redis-where.js';
import type { ScreenUpdates } from './screen-updates.js';
import { texts } from './texts.js';

export interface ServerRecoveryDeps {
  supervisor: Supervisor;
  screen: ScreenUpdates;
  /** The server is gone: the exercise on screen lets go of it (late results dropped, the prompt waits). */
  drop: () => void;
  /** The server is back: the prompt returns and the exercise on screen starts again. */
  resume: () => Promise<void>;
  /** The tutor is closing: nothing is brought back. */
  closed: () => boolean;
}

/**
 * When the tutor's Redis goes away: the supervisor restarts the private
 * server (or waits for the --url one to answer) and opens a new engine,
 * and the exercise starts again. Progress lives in the file, so nothing of
 * it is lost. One recovery at a time.
 */
export class ServerRecovery {
  private active = false;
  /** How many recoveries have begun: a health check that saw one begin does not start another. */
  private begun = 0;

  constructor(private readonly deps: ServerRecoveryDeps) {}

  get recovering(): boolean {
    return this.active;
  }

  /** After a failed command: is the server still there? If not, bring it back. */
  async checkHealth(reason: string): Promise<void> {
    if (this.active) return;
    const before = this.begun;
    const health = await this.deps.supervisor.health();
    // A recovery that began meanwhile (the server's exit was noticed first) already brought it back.
    if (health === 'down' && before === this.begun) await this.recover(reason);
  }

  async recover(reason: string): Promise<void> {
    if (this.active || this.deps.closed()) return;
    const { supervisor, screen } = this.deps;
    const t = texts(screen.state.language);
    this.active = true;
    this.begun++;
    this.deps.drop();
    const restartable = supervisor.target.control.restartable;
    screen.dispatch({ type: 'notice', notice: { text: `${t.redisGone(reason)} ${restartable ? t.restarting : t.reconnecting}`, tone: 'warning' } });
    try {
      await supervisor.recover();
    } catch (error) {
      this.active = false;
      screen.dispatch({ type: 'notice', notice: { text: `${t.redisLost} (${errorMessage(error)})`, tone: 'error' } });
      return;
    }
    this.active = false;
    screen.dispatch({ type: 'redis', redis: redisWhere(supervisor.target) });
    screen.dispatch({ type: 'notice', notice: { text: t.redisBack, tone: 'info' } });
    await this.deps.resume();
  }
}
