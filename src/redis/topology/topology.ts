import { BugError, UserError } from '../../errors.js';
import type { PrivateRedisTarget } from '../private-server.js';
import type { ServerExit } from '../target.js';
import type { NodeRole, TopologySpec } from './topology-spec.js';

export interface TopologyNode {
  /** "master", "replica-1", "sentinel-2", "node-3", "server". */
  readonly name: string;
  /** The role it was started in; after a failover the servers' own `ROLE` may say otherwise. */
  readonly role: NodeRole;
  /** Its spec (host, port, password) stays the same object across restarts. */
  readonly target: PrivateRedisTarget;
}

/**
 * A running topology and what actors may do to its processes: kill one,
 * pause it (SIGSTOP: alive, holding its connections, answering nothing, as a
 * partitioned or swapping server looks to the others), resume it, restart it.
 */
export class Topology {
  private stopped: Promise<void> | undefined;
  /** Settles when stop() begins: a kill() still waiting for its exit stops waiting (a stopped node's exit is not reported). */
  private readonly stopBegan: Promise<undefined>;
  private beginStop: () => void = () => undefined;
  private readonly paused = new Set<string>();

  constructor(
    readonly spec: TopologySpec,
    /** The throwaway folder every node's directory is in. */
    readonly folder: string,
    /** requirepass of every node, sentinels included. */
    readonly password: string,
    private readonly started: TopologyNode[],
    private readonly removeFolder: () => Promise<void>,
  ) {
    this.stopBegan = new Promise((resolve) => {
      this.beginStop = () => resolve(undefined);
    });
  }

  get nodes(): readonly TopologyNode[] {
    return this.started;
  }

  /** Where an exercise opens: the master, the single server, or the first cluster node. */
  get entry(): TopologyNode {
    const first = this.started.find((node) => node.role !== 'replica' && node.role !== 'sentinel');
    if (!first) throw new BugError('a topology without a data node was started.');
    return first;
  }

  node(name: string): TopologyNode {
    const found = this.started.find((node) => node.name === name);
    if (!found) {
      throw new UserError(`no node called ${name} in this topology.`, `Its nodes are: ${this.started.map((node) => node.name).join(', ')}.`);
    }
    return found;
  }

  /** SIGKILL, as a crash; resolves once the process has exited. The node stays down until restart(). */
  async kill(name: string): Promise<ServerExit | undefined> {
    const { target } = this.node(name);
    if (!target.isRunning()) return undefined;
    const exited = new Promise<ServerExit>((resolve) => {
      const unsubscribe = target.onUnexpectedExit((exit) => {
        unsubscribe();
        resolve(exit);
      });
    });
    if (target.control.restartable) target.control.kill();
    this.paused.delete(name);
    return Promise.race([exited, this.stopBegan]);
  }

  /** SIGSTOP: the process keeps its port and connections but answers nothing until resume(). */
  pause(name: string): void {
    const { target } = this.node(name);
    if (!target.isRunning()) throw new UserError(`${name} is not running, so it cannot be paused.`, `Restart it first.`);
    process.kill(target.pid, 'SIGSTOP');
    this.paused.add(name);
  }

  /** SIGCONT after pause(). */
  resume(name: string): void {
    const { target } = this.node(name);
    if (this.paused.delete(name) && target.isRunning()) process.kill(target.pid, 'SIGCONT');
  }

  isPaused(name: string): boolean {
    return this.paused.has(name);
  }

  /**
   * A crash and a restart in the node's own directory, on its port when still
   * free: what it saved there (nodes.conf of a cluster node, an RDB) is loaded
   * again. Its redis.conf is written anew from the declared topology, so a
   * replica comes back replicating from the declared master (sentinels then
   * correct it after a failover, as they do for a real server).
   */
  async restart(name: string): Promise<void> {
    const { target } = this.node(name);
    this.paused.delete(name);
    await target.restart({ keepData: true });
  }

  /** Stops every process and removes the folder. Idempotent. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.beginStop();
      await Promise.all(this.started.map((node) => node.target.release()));
      await this.removeFolder();
    })();
    return this.stopped;
  }
}
