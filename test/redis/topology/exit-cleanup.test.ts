import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileForChild, type CompiledTree } from '../support/compile-for-child.js';
import { spawnHolder } from '../support/holder.js';
import { isAlive, pidsMentioning, waitUntil } from '../support/processes.js';

/* "No orphaned redis-server, ever", for a whole topology: a real node process starts one and then ends. */
let tree: CompiledTree;
let fixture: string;

beforeAll(() => {
  tree = compileForChild(['src', 'test/redis/topology/fixtures']);
  fixture = tree.pathOf('test/redis/topology/fixtures/hold-topology.ts');
});
afterAll(() => tree.remove());

type HeldTopology = { pids: number[]; folder: string; guards: number[] };

async function holdTopology() {
  const holder = await spawnHolder(fixture, []);
  const { pids, dir: folder } = holder.held as unknown as { pids: number[]; dir: string };
  expect(pids).toHaveLength(3);
  expect(pids.every(isAlive)).toBe(true);
  expect(existsSync(folder)).toBe(true);
  // One guard per node, and one for the folder.
  const guards = pidsMentioning(`redis-tutor-guard`).filter((pid) => pidsMentioning(folder).includes(pid));
  expect(guards).toHaveLength(4);
  return { ...holder, held: { pids, folder, guards } satisfies HeldTopology };
}

async function expectAllGone(held: HeldTopology, withinMs: number): Promise<void> {
  const gone = () => held.pids.every((pid) => !isAlive(pid)) && !existsSync(held.folder) && held.guards.every((guard) => !isAlive(guard));
  expect(await waitUntil(gone, withinMs)).toBe(true);
  expect(pidsMentioning(held.folder)).toEqual([]);
}

describe('a topology never outlives the tutor', () => {
  it('kill -9 of the tutor: the guards kill every redis-server and sentinel and remove the folder', async () => {
    const { child, ended, held } = await holdTopology();
    child.kill('SIGKILL');
    expect(await ended).toEqual({ code: null, signal: 'SIGKILL' });
    await expectAllGone(held, 5_000);
  }, 60_000);

  it('SIGINT: cleans up itself and exits with 130', async () => {
    const { child, ended, held } = await holdTopology();
    child.kill('SIGINT');
    expect(await ended).toEqual({ code: 130, signal: null });
    // Removed synchronously before exiting; the SIGKILLs it sent take a moment to land.
    expect(existsSync(held.folder)).toBe(false);
    await expectAllGone(held, 3_000);
  }, 60_000);
});
