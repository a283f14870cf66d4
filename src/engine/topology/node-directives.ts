import { errorMessage } from '../../errors.js';
import { sleep } from '../../lib/async.js';
import type { Topology } from '../../redis/topology/topology.js';
import { SENTINEL_MASTER_NAME } from '../../redis/topology/topology-spec.js';
import { runOnNode } from './node-command.js';

/** A failover takes down-after-milliseconds, an election and a promotion: generous, as a loaded machine is slow at each. */
const FAILOVER_DEADLINE_MS = 60_000;
const FAILOVER_POLL_MS = 100;

/**
 * An actor's directive on a lab's nodes (`!kill master`, `!pause replica-1`,
 * `!resume replica-1`, `!restart node-2`, `!wait-bgsave server`,
 * `!wait-failover`); undefined when
 * the line is not one. Says what happened, for the actor's event.
 * `restartEntry` restarts the engine's own node, so its checker and the
 * learner's connection come back with it.
 */
export async function runNodeDirective(topology: Topology, directive: string, restartEntry: (() => Promise<string>) | undefined): Promise<string | undefined> {
  const [verb, name] = directive.trim().split(/\s+/);
  try {
    if (verb === 'wait-failover' && name === undefined) return await waitForFailover(topology);
    if (name === undefined) return undefined;
    switch (verb) {
      case 'kill':
        await topology.kill(name);
        return `${name} killed`;
      case 'pause':
        topology.pause(name);
        return `${name} paused`;
      case 'resume':
        topology.resume(name);
        return `${name} resumed`;
      case 'wait-bgsave':
        return await waitForBackgroundSave(topology, name);
      case 'restart':
        if (topology.node(name) === topology.entry && restartEntry) return `${name} ${await restartEntry()}`;
        await topology.restart(name);
        return `${name} restarted`;
      default:
        return undefined;
    }
  } catch (error) {
    return `(failed) ${errorMessage(error)}`;
  }
}

/** Until the node's BGSAVE (or BGREWRITEAOF) is over: a crash before would lose the snapshot the lab is about. */
async function waitForBackgroundSave(topology: Topology, name: string): Promise<string> {
  const node = topology.node(name);
  const deadline = Date.now() + FAILOVER_DEADLINE_MS;
  for (;;) {
    const info = await runOnNode(node, ['INFO', 'persistence']);
    const text = typeof info === 'string' ? info : '';
    if (/^rdb_bgsave_in_progress:0/m.test(text) && /^aof_rewrite_in_progress:0/m.test(text)) {
      return `${name}: background save done (${/^rdb_last_bgsave_status:(\w+)/m.exec(text)?.[1] ?? '?'})`;
    }
    if (Date.now() > deadline) throw new Error(`${name} still saving after ${FAILOVER_DEADLINE_MS / 1000} s`);
    await sleep(FAILOVER_POLL_MS);
  }
}

/**
 * Until every running sentinel names as master a node other than the one
 * started as master, and that node's ROLE says master: the learner is then
 * sure to find the new master where the sentinels say.
 */
async function waitForFailover(topology: Topology): Promise<string> {
  const sentinels = topology.nodes.filter((node) => node.role === 'sentinel');
  const master = topology.nodes.find((node) => node.role === 'master');
  if (sentinels.length === 0 || !master) throw new Error('!wait-failover needs a sentinel topology');
  const oldAddress = `${master.target.spec.host}:${master.target.spec.port}`;
  const deadline = Date.now() + FAILOVER_DEADLINE_MS;
  for (;;) {
    const promoted = await promotedNode(topology, sentinels, oldAddress).catch(() => undefined);
    if (promoted) return `failover done: the sentinels name ${promoted} as the master`;
    if (Date.now() > deadline) throw new Error(`no failover within ${FAILOVER_DEADLINE_MS / 1000} s`);
    await sleep(FAILOVER_POLL_MS);
  }
}

async function promotedNode(topology: Topology, sentinels: Topology['nodes'], oldAddress: string): Promise<string | undefined> {
  const running = sentinels.filter((node) => node.target.isRunning() && !topology.isPaused(node.name));
  const answers = await Promise.all(running.map((node) => runOnNode(node, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_MASTER_NAME])));
  const addresses = new Set(answers.map((reply) => (Array.isArray(reply) ? reply.map(String).join(':') : '')));
  const [address] = addresses;
  if (addresses.size !== 1 || address === undefined || address === '' || address === oldAddress) return undefined;
  const named = topology.nodes.find((node) => `${node.target.spec.host}:${node.target.spec.port}` === address);
  if (!named) return undefined;
  const role = await runOnNode(named, ['ROLE']);
  return Array.isArray(role) && role[0] === 'master' ? named.name : undefined;
}
