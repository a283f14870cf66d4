import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../errors.js';
import { readBinaryVersion } from '../binary-version.js';
import { registerExitCleanup } from '../exit-cleanup.js';
import { spawnExitGuard } from '../exit-guard.js';
import { findRedisServer } from '../find-redis-server.js';
import { freeLoopbackPort } from '../free-port.js';
import { noRedisAvailableError } from '../no-redis-error.js';
import { startPrivateServer, type PrivateRedisTarget, type StartPrivateServerOptions } from '../private-server.js';
import { isRedis7OrNewer } from '../server-version.js';
import { freePortWithFreeBusPort } from './cluster-ports.js';
import { joinCluster } from './join-cluster.js';
import { clusterBusPortConfig, clusterNodeConfig, dataNodeConfig, replicaConfig, sentinelConfig } from './node-config.js';
import { Topology, type TopologyNode } from './topology.js';
import { replicaLinkUp, sentinelSeesGroup, waitForNodes } from './topology-readiness.js';
import { clusterReplicasPerMaster, nodeNames, topologyProblem, type NodeRole, type TopologySpec } from './topology-spec.js';

export interface StartTopologyOptions {
  /** `--redis-server PATH`; otherwise REDIS_SERVER_BIN from env, otherwise PATH. */
  redisServerBin?: string;
  env?: NodeJS.ProcessEnv;
  /** Clean up and exit 130/143 on SIGINT/SIGTERM (default true). Pass false when the caller owns Ctrl-C. */
  handleSignals?: boolean;
  onStatus?: (message: string) => void;
  /** For replicas to sync and sentinels to find each other (default 30 s). */
  readyTimeoutMs?: number;
}

const PASSWORD_BYTES = 16;
/** A sentinel id is 40 hex digits, as Redis makes them. */
const SENTINEL_ID_BYTES = 20;

/**
 * Starts every process of a declared topology as private servers (see
 * ../private-server.ts: loopback, a password, no persistence, an exit guard
 * each) in one throwaway folder, which has a guard of its own. Returns once
 * the topology works: replicas in sync, sentinels seeing the master, its
 * replicas and each other. A start that fails part way stops what it started.
 */
export async function startTopology(spec: TopologySpec, options: StartTopologyOptions = {}): Promise<Topology> {
  const problem = topologyProblem(spec);
  if (problem) throw new UserError(`this ${spec.kind} topology cannot be started: ${problem}.`, 'Fix the topology the exercise declares.');
  const env = options.env ?? process.env;
  const found = findRedisServer({ ...(options.redisServerBin ? { explicitPath: options.redisServerBin } : {}), env });
  if (!found) throw noRedisAvailableError();
  const version = await readBinaryVersion(found.path);
  const handleSignals = options.handleSignals ?? true;

  const folder = mkdtempSync(join(tmpdir(), 'redis-tutor-topology-'));
  const guard = spawnExitGuard({ dir: folder, env });
  const unregisterExitCleanup = registerExitCleanup(
    {
      cleanUpNow() {
        rmSync(folder, { recursive: true, force: true });
        guard.dismissNow();
      },
    },
    { handleSignals },
  );
  // One password for the whole topology: replicas, sentinels and the learner log in to every node with it.
  const password = randomBytes(PASSWORD_BYTES).toString('hex');
  const nodes: TopologyNode[] = [];
  const topology = new Topology(spec, folder, password, nodes, async () => {
    rmSync(folder, { recursive: true, force: true });
    await guard.dismiss();
    unregisterExitCleanup();
  });
  const base: StartPrivateServerOptions = { redisServerBin: found.path, env, handleSignals, password, parentDir: folder };
  const start = async (name: string, role: NodeRole, extra: Omit<StartPrivateServerOptions, keyof typeof base>): Promise<TopologyNode> => {
    const target: PrivateRedisTarget = await startPrivateServer({ ...base, ...extra });
    const node = { name, role, target };
    nodes.push(node);
    return node;
  };

  try {
    options.onStatus?.(`starting a ${spec.kind} topology of ${nodeNames(spec).length} redis-server ${version} processes...`);
    await startNodes(spec, version, password, start);
    // They start in parallel: list them in the declared order, whichever answered first.
    const order = nodeNames(spec).map((node) => node.name);
    nodes.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    await waitUntilWorking(spec, nodes, options.readyTimeoutMs ?? 30_000);
    return topology;
  } catch (error) {
    await topology.stop();
    throw error;
  }
}

type StartNode = (name: string, role: NodeRole, extra: Pick<StartPrivateServerOptions, 'extraConfig' | 'extraArgs' | 'choosePort' | 'portConfig'>) => Promise<TopologyNode>;

async function startNodes(spec: TopologySpec, version: string, password: string, start: StartNode): Promise<void> {
  const names = nodeNames(spec);
  const named = (role: NodeRole) => names.filter((node) => node.role === role);
  switch (spec.kind) {
    case 'single':
      await start('server', 'server', { extraConfig: dataNodeConfig(spec, password) });
      return;
    case 'replication':
    case 'sentinel': {
      const master = await start('master', 'master', { extraConfig: dataNodeConfig(spec, password) });
      const masterPort = master.target.spec.port;
      await allStarted(named('replica').map(({ name }) => start(name, 'replica', { extraConfig: replicaConfig(spec, password, masterPort) })));
      if (spec.kind === 'sentinel') {
        await allStarted(
          named('sentinel').map(({ name }) => {
            const myid = randomBytes(SENTINEL_ID_BYTES).toString('hex');
            return start(name, 'sentinel', { extraConfig: sentinelConfig(spec, password, masterPort, myid), extraArgs: ['--sentinel'] });
          }),
        );
      }
      return;
    }
    case 'cluster': {
      const ownBusPort = isRedis7OrNewer(version);
      await allStarted(
        names.map(({ name }) =>
          start(name, 'cluster-node', {
            extraConfig: clusterNodeConfig(spec, password),
            ...(ownBusPort
              ? { portConfig: async () => clusterBusPortConfig(await freeLoopbackPort()) }
              : { choosePort: freePortWithFreeBusPort }),
          }),
        ),
      );
      return;
    }
  }
}

/**
 * Like Promise.all, but settles only when every start has: a start that
 * fails must not leave a sibling still starting, which the clean-up would
 * miss and which would then run until the tutor exits.
 */
async function allStarted(starts: Promise<TopologyNode>[]): Promise<void> {
  const outcomes = await Promise.allSettled(starts);
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

async function waitUntilWorking(spec: TopologySpec, nodes: readonly TopologyNode[], timeoutMs: number): Promise<void> {
  const withRole = (role: NodeRole) => nodes.filter((node) => node.role === role).map((node) => ({ name: node.name, spec: node.target.spec }));
  if (spec.kind === 'replication' || spec.kind === 'sentinel') {
    await waitForNodes(withRole('replica'), replicaLinkUp, 'finish its sync with the master', timeoutMs);
  }
  if (spec.kind === 'sentinel') {
    await waitForNodes(withRole('sentinel'), sentinelSeesGroup(spec), 'see the master, its replicas and the other sentinels', timeoutMs);
  }
  if (spec.kind === 'cluster' && spec.joined) await joinCluster(withRole('cluster-node'), clusterReplicasPerMaster(spec), timeoutMs);
}
