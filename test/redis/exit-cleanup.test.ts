import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileForChild, type CompiledTree } from './support/compile-for-child.js';
import { spawnHolder, type Holder } from './support/holder.js';
import { isAlive, pidsMentioning, waitUntil } from './support/processes.js';

/*
 * "No orphaned redis-server, ever": a real node process starts a private
 * server through the product code and then ends in every way a tutor can.
 */
let tree: CompiledTree;
let fixture: string;

beforeAll(() => {
  tree = compileForChild();
  fixture = tree.pathOf('test/redis/fixtures/hold-redis.ts');
});
afterAll(() => tree.remove());

async function holdPrivate(handleSignals: 'yes' | 'no'): Promise<Holder & { pid: number; dir: string; guards: number[] }> {
  const holder = await spawnHolder(fixture, ['private', handleSignals]);
  const { pid, dir } = holder.held;
  if (pid === undefined || dir === undefined) throw new Error(`fixture reported no pid/dir: ${JSON.stringify(holder.held)}`);
  expect(isAlive(pid)).toBe(true);
  expect(existsSync(dir)).toBe(true);
  const guards = pidsMentioning(`redis-tutor-guard ${pid} ${dir}`);
  expect(guards).toHaveLength(1);
  return { ...holder, pid, dir, guards };
}

async function expectAllGone(held: { pid: number; dir: string; guards: number[] }, withinMs: number): Promise<void> {
  const gone = () => !isAlive(held.pid) && !existsSync(held.dir) && held.guards.every((guard) => !isAlive(guard));
  expect(await waitUntil(gone, withinMs)).toBe(true);
}

describe('a private server never outlives the tutor', () => {
  it('kill -9 of the tutor: the exit guard kills redis-server and removes its directory', async () => {
    const held = await holdPrivate('yes');
    held.child.kill('SIGKILL');
    expect(await held.ended).toEqual({ code: null, signal: 'SIGKILL' });
    await expectAllGone(held, 15_000);
  });

  it('kill -9 of the tutor after a restart that kept the data: the new server is killed and the directory removed', async () => {
    const first = await holdPrivate('yes');
    first.child.stdin?.write('keep-data-restart\n');
    const { pid, dir } = await first.nextReport();
    if (pid === undefined || dir === undefined) throw new Error('fixture reported no pid/dir after the restart');
    expect(dir).toBe(first.dir);
    expect(pid).not.toBe(first.pid);
    expect(isAlive(first.pid)).toBe(false);
    // The old server's guard was dismissed; the new server has one of its own.
    expect(await waitUntil(() => first.guards.every((guard) => !isAlive(guard)), 3_000)).toBe(true);
    const guards = pidsMentioning(`redis-tutor-guard ${pid} ${dir}`);
    expect(guards).toHaveLength(1);
    first.child.kill('SIGKILL');
    expect(await first.ended).toEqual({ code: null, signal: 'SIGKILL' });
    await expectAllGone({ pid, dir, guards }, 3_000);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: cleans up itself and exits with %i', async (signal, exitCode) => {
    const held = await holdPrivate('yes');
    held.child.kill(signal);
    expect(await held.ended).toEqual({ code: exitCode, signal: null });
    // Cleaned up by the tutor itself before exiting: its directory is gone already (the guard would remove it
    // only later). The SIGKILL it sent lands when the kernel schedules it, so the process is waited for.
    expect(existsSync(held.dir)).toBe(false);
    await expectAllGone(held, 15_000);
  });

  it('SIGINT with signal handling left to the caller: Node dies of it, the guard still cleans up', async () => {
    const held = await holdPrivate('no');
    held.child.kill('SIGINT');
    expect(await held.ended).toEqual({ code: null, signal: 'SIGINT' });
    await expectAllGone(held, 15_000);
  });

  it('release(): everything is gone and the tutor exits on its own (nothing keeps it alive)', async () => {
    const held = await holdPrivate('yes');
    held.child.stdin?.write('release\n');
    expect(await held.ended).toEqual({ code: 0, signal: null });
    await expectAllGone(held, 15_000);
  });

  it('process.exit() without release(): the exit hook cleans up', async () => {
    const held = await holdPrivate('yes');
    held.child.stdin?.write('exit\n');
    expect(await held.ended).toEqual({ code: 7, signal: null });
    expect(existsSync(held.dir)).toBe(false);
    await expectAllGone(held, 15_000);
  });
});
