import type { Language } from '../course/schema.js';
import type { Topology } from '../redis/topology/topology.js';
import { labTexts } from './lab-texts.js';

/** What the learner typed: `connect NODE`, or redis-cli's `connect HOST PORT`. */
export type ConnectTarget = { name: string } | { host: string; port: number };

export type LabNode = { kind: 'node'; node: string } | { kind: 'refused'; why: string };

/** Loopback names redis-cli would reach a lab node by (the lab listens on 127.0.0.1). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/**
 * The lab node a `connect` line means: by name, or by its address. A name
 * or an address the lab does not have is refused with the lab's nodes, so
 * the learner's connection never leaves the lab.
 */
export function labNodeFor(lab: Topology, to: ConnectTarget, language: Language): LabNode {
  const t = labTexts(language);
  const nodes = lab.nodes.map((node) => `${node.name} (${node.target.spec.host}:${node.target.spec.port})`).join(', ');
  if ('name' in to) {
    return lab.nodes.some((node) => node.name === to.name) ? { kind: 'node', node: to.name } : { kind: 'refused', why: t.unknownNode(to.name, nodes) };
  }
  const host = to.host.toLowerCase();
  const found = lab.nodes.find((node) => node.target.spec.port === to.port && (host === node.target.spec.host || LOOPBACK.has(host)));
  return found ? { kind: 'node', node: found.name } : { kind: 'refused', why: t.notALabNode(`${to.host}:${to.port}`, nodes) };
}
