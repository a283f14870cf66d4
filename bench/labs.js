// `npm run bench labs`: how long a production-lab exercise makes the learner wait for its servers.
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';

const STARTS = 5;

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}
/** @param {number} value */
const ms = (value) => `${value.toFixed(1)} ms`;
/** @param {string} label @param {string} value @param {string} [target] */
function line(label, value, target) {
  console.log(`  ${label.padEnd(44)} ${value.padStart(12)}${target ? `   (target ${target})` : ''}`);
}

/**
 * startTopology() until it returns, which is when the lab works: a joined
 * cluster whose nodes all say cluster_state:ok with every replica in sync;
 * sentinels that see the master, its replica and each other. Then stop(),
 * timed apart. Several starts, one after another; the median of each.
 * @param {string} root the repository (dist/ must be built)
 */
export async function benchLabs(root) {
  console.log(`labs: start until working, ${STARTS} starts each`);
  /** @type {unknown} */
  const built = await import(join(root, 'dist', 'redis', 'topology', 'start-topology.js'));
  const { startTopology } = /** @type {typeof import('../src/redis/topology/start-topology.js')} */ (built);
  /** @type {[string, import('../src/redis/topology/topology-spec.js').TopologySpec, string][]} */
  const labs = [
    ['cluster, 6 nodes joined, healthy', { kind: 'cluster', nodes: 6, joined: true }, '<= 2 s'],
    ['master, replica, 3 sentinels: seen', { kind: 'sentinel', replicas: 1, sentinels: 3, quorum: 2 }, '<= 1 s'],
  ];
  for (const [label, spec, target] of labs) {
    /** @type {number[]} */
    const starts = [];
    /** @type {number[]} */
    const stops = [];
    for (let i = 0; i < STARTS; i++) {
      const started = performance.now();
      const topology = await startTopology(spec, { handleSignals: false });
      starts.push(performance.now() - started);
      const stopping = performance.now();
      await topology.stop();
      stops.push(performance.now() - stopping);
    }
    line(`${label} (median)`, ms(median(starts)), target);
    line(`  slowest of ${STARTS}`, ms(Math.max(...starts)));
    line('  stop (median)', ms(median(stops)));
  }
}
