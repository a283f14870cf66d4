/**
 * clusterManagerOptimizeAntiAffinity(): replicas on the same host as their
 * master (10000 points each) or as a sibling (1 point) are swapped at random
 * with other replicas, up to 500 tries per node, keeping any swap that does
 * not make the score worse. With every node on one host (a local lab) no
 * swap can help, so the masters the replicas end up with are random in
 * redis-cli. The tutor draws the same way: glibc's rand() seeded with the
 * second, offending replicas in the order of redis-cli's hash table, so with
 * the same nodes in the same second it makes redis-cli's choice.
 */
import { GlibcRandom } from './glibc-random.js';
import { RedisDict } from './redis-dict.js';
import type { ManagerContext } from './manager-context.js';
import type { ManagerNode } from './manager-node.js';

export function optimizeAntiAffinity(context: ManagerContext, byIp: readonly ManagerNode[][]): void {
  const { log } = context;
  let score = antiAffinityScore(context, byIp).score;
  if (score === 0) return;
  log.info('>>> Trying to optimize slaves allocation for anti-affinity\n');
  const random = new GlibcRandom(Math.floor(Date.now() / 1000));
  for (let tries = 500 * context.nodes.length; tries > 0; tries--) {
    const current = antiAffinityScore(context, byIp);
    score = current.score;
    if (score === 0 || current.offending.length === 0) break;
    const first = current.offending[random.next() % current.offending.length] as ManagerNode;
    const others = context.nodes.filter((node) => node !== first && node.replicate !== null);
    if (others.length === 0) break;
    const second = others[random.next() % others.length] as ManagerNode;
    const firstMaster = first.replicate;
    const secondMaster = second.replicate;
    first.replicate = secondMaster;
    first.dirty = true;
    second.replicate = firstMaster;
    second.dirty = true;
    if (antiAffinityScore(context, byIp).score > score) {
      first.replicate = firstMaster;
      second.replicate = secondMaster;
    }
  }
  score = antiAffinityScore(context, byIp).score;
  if (score === 0) log.ok('[OK] Perfect anti-affinity obtained!\n');
  else if (score >= 10_000) log.warn('[WARNING] Some slaves are in the same host as their master\n');
  else log.warn('[WARNING] Some slaves of the same master are in the same host\n');
}

/** clusterManagerGetAntiAffinityScore(): the score, and per offending group the first replica on that host. */
function antiAffinityScore(context: ManagerContext, byIp: readonly ManagerNode[][]): { score: number; offending: ManagerNode[] } {
  let score = 0;
  const offending: ManagerNode[] = [];
  for (const group of byIp) {
    const ip = group[0]?.ip;
    // Per master id: 'm' first when the master is on this host, an 's' per replica of it here.
    const related = new RedisDict<string>();
    for (const node of group) {
      const key = node.replicate ?? node.name ?? '';
      const types = related.find(key) ?? '';
      related.replace(key, node.replicate !== null ? `${types}s` : `m${types}`);
    }
    for (const [master, types] of related.entries()) {
      if (types.length < 2) continue;
      score += types.startsWith('m') ? 10_000 * (types.length - 1) : types.length;
      const offender = context.nodes.find((node) => node.replicate === master && node.ip === ip);
      if (offender !== undefined) offending.push(offender);
    }
  }
  return { score, offending };
}
