import type { Topology } from '../../redis/topology/topology.js';

/**
 * Which running lab topology has its entry node on a loopback port. A lab's
 * engine is an ordinary engine on that node; what only a lab has (checks on
 * other nodes, actors that kill one, `connect NODE`) finds its topology
 * here by the checker's port, so the engine and the supervisor need not
 * know about labs. A port is the lab's until it is stopped.
 */
const labs = new Map<number, Topology>();

export function registerLab(topology: Topology): void {
  labs.set(topology.entry.target.spec.port, topology);
}

export function forgetLab(topology: Topology): void {
  const port = topology.entry.target.spec.port;
  if (labs.get(port) === topology) labs.delete(port);
}

export function labOnPort(port: number | undefined): Topology | undefined {
  return port === undefined ? undefined : labs.get(port);
}
