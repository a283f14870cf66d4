import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCourseDir } from '../../src/course/load.js';
import { texts } from '../../src/tutor/texts.js';
import { waitUntil } from '../support/wait-until.js';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

/*
 * A production lab opened in the tutor (the real controller, no screen): its
 * topology starts with the exercise, the prompt is on the entry node and
 * `connect` moves it, the panel shows the lab's servers, the checks run on
 * the lab's nodes, and leaving the exercise stops every process of the lab.
 */
let dir: string;
let tutor: HeadlessTutor;

/** redis-server processes this test process started and that still run. */
function childRedisServers(): string[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), '-a', 'redis-server'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-lab-tui-'));
  cpSync(join(bundledCourseDir(), '25-production-lab'), join(dir, '25-production-lab'), { recursive: true });
  tutor = await startHeadlessTutor({ course: dir, exercise: 'production-lab/read-from-replica' });
}, 60_000);
afterAll(async () => {
  await tutor.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a lab in the tutor', () => {
  it('runs on its own servers: the prompt on the master, connect moves it, the panel shows the lab, the checks pass on its nodes', async () => {
    const state = () => tutor.store.getState();
    const ports = () => Object.fromEntries((state().panel?.topology?.nodes ?? []).map((node) => [node.name, node.port]));
    await waitUntil(() => state().panel?.topology !== undefined, 'the lab in the panel');
    expect(state().panel?.topology).toMatchObject({ kind: 'replication', learnerAt: 'master' });
    expect(state().panel?.topology?.nodes.map((node) => [node.name, node.state, node.role])).toEqual([
      ['master', 'up', 'master'],
      ['replica-1', 'up', 'replica'],
    ]);
    const { master, 'replica-1': replica } = ports();
    // The lab's servers are not the sandbox: the prompt is on the lab's master.
    expect(master).not.toBe(tutor.target.spec.port);
    expect(state().promptText).toBe(`127.0.0.1:${master}> `);

    await tutor.type('SET product:1 lamp');
    // Replication is asynchronous: the replica has the write once WAIT says so (a typist is slower than this test).
    await tutor.type('WAIT 1 5000');
    await tutor.type('connect replica-1');
    expect(state().promptText).toBe(`127.0.0.1:${replica}> `);
    await waitUntil(() => state().panel?.topology?.learnerAt === 'replica-1', 'the panel to mark replica-1');
    tutor.mark();
    await tutor.type('GET product:1');
    expect(tutor.lines('reply')).toEqual(['"lamp"']);
    await tutor.type('SET product:2 chair');
    expect(tutor.lines('reply')).toContain("(error) READONLY You can't write against a read only replica.");
    await waitUntil(() => state().solvedNow, 'the lab to be solved');

    const replicaView = state().panel?.topology?.nodes.find((node) => node.name === 'replica-1');
    expect(replicaView).toMatchObject({ role: 'replica', master: `127.0.0.1:${master}`, link: 'connected' });
    expect(replicaView?.offset).toBeGreaterThan(0);

    // redis-cli's `connect HOST PORT` to a node's address, and what the lab refuses.
    await tutor.type(`connect 127.0.0.1 ${master}`);
    expect(state().promptText).toBe(`127.0.0.1:${master}> `);
    tutor.mark();
    await tutor.type('connect node-9');
    await tutor.type('connect 127.0.0.1 1');
    expect(tutor.lines('tutor')).toEqual([
      `This lab has no node called node-9; its nodes: master (127.0.0.1:${master}), replica-1 (127.0.0.1:${replica}).`,
      `127.0.0.1:1 is not a server of this lab; its nodes: master (127.0.0.1:${master}), replica-1 (127.0.0.1:${replica}).`,
    ]);
    expect(state().promptText).toBe(`127.0.0.1:${master}> `);
  }, 60_000);

  it('Ctrl-C wakes a blocking command on the node the prompt moved to (its client id is that node\'s)', async () => {
    const state = () => tutor.store.getState();
    await tutor.type('connect replica-1');
    tutor.mark();
    void tutor.controller.submit('XREAD BLOCK 0 STREAMS events $');
    await waitUntil(() => state().waitingForReply, 'XREAD to wait');
    await tutor.controller.interrupt();
    await waitUntil(() => state().promptMode === 'ready' && !state().lineRunning, 'the prompt after Ctrl-C');
    expect(tutor.lines('tutor')).toEqual([texts('en').interrupted]);
  }, 30_000);

  it('stops the lab when the learner leaves it; a cluster lab shows each master\'s slots; quitting stops the lab too', async () => {
    expect(childRedisServers().length).toBe(3); // the sandbox and the lab's two
    tutor.controller.menu();
    await waitUntil(() => childRedisServers().length === 1, 'only the sandbox left', 15_000);
    const notices: Array<string | undefined> = [];
    const unsubscribe = tutor.store.subscribe(() => {
      const text = tutor.store.getState().notice?.text;
      if (notices.at(-1) !== text) notices.push(text);
    });
    await tutor.controller.openExercise('production-lab/cluster-key-slot');
    unsubscribe();
    // The status line says what is starting while it starts, and is cleared once the lab runs.
    expect(notices).toEqual(['starting the lab: 6 redis-server processes (cluster)…', undefined]);
    await waitUntil(() => tutor.store.getState().panel?.topology?.nodes.length === 6, 'the cluster in the panel', 30_000);
    const masters = tutor.store.getState().panel?.topology?.nodes.filter((node) => node.role === 'master');
    expect(masters?.map((node) => [node.name, node.slots])).toEqual([
      ['node-1', ['0-5460']],
      ['node-2', ['5461-10921']],
      ['node-3', ['10922-16383']],
    ]);
    expect(childRedisServers().length).toBe(7);
    await tutor.controller.close();
    expect(childRedisServers().length).toBe(1);
  }, 60_000);

  it.each([
    ['production-lab/sentinel-failover', 'replica-1'],
    ['production-lab/aof-recovery', 'server'],
    ['production-lab/promote-replica', 'replica-1'],
  ])('%s: the solution typed at the prompt solves it, actors that kill and restart nodes included', async (id, lastNode) => {
    const fresh = await startHeadlessTutor({ course: dir, exercise: id });
    try {
      const state = () => fresh.store.getState();
      const exercise = fresh.course.modules[0]?.exercises.find((candidate) => candidate.id === id);
      const lines = (exercise?.solution ?? '').split('\n').filter((line) => line.trim() !== '');
      for (const line of lines) await fresh.type(line);
      await waitUntil(() => state().solvedNow, `${id} to be solved`, 30_000);
      const port = (name: string) => state().panel?.topology?.nodes.find((node) => node.name === name)?.port;
      await waitUntil(() => state().panel?.topology?.learnerAt === lastNode, `the panel to show the prompt on ${lastNode}`);
      expect(state().promptText).toBe(`127.0.0.1:${port(lastNode)}> `);
      if (id !== 'production-lab/sentinel-failover') return;
      // The killed master: redis-cli's words for a refused connect, and its prompt until a command gets through.
      fresh.mark();
      await fresh.type('connect master');
      expect(fresh.lines('reply')).toEqual([`Could not connect to Redis at 127.0.0.1:${port('master')}: Connection refused`]);
      expect(state().promptText).toBe('not connected> ');
      await fresh.type('PING');
      expect(fresh.lines('reply')).toEqual(Array(2).fill(`Could not connect to Redis at 127.0.0.1:${port('master')}: Connection refused`));
      expect(state().promptText).toBe('not connected> ');
      await fresh.type('connect replica-1');
      expect(state().promptText).toBe(`127.0.0.1:${port('replica-1')}> `);
    } finally {
      await fresh.close();
    }
  }, 90_000);

  it('stops a lab still starting when the tutor quits, and one superseded by another exercise', async () => {
    const fresh = await startHeadlessTutor({ course: dir, exercise: 'production-lab/aof-recovery' });
    const before = new Set(childRedisServerPids());
    const lab = (pid: number) => !before.has(pid);
    // Opened twice at once: the first start is superseded, and its servers stopped once they are up.
    const first = fresh.controller.openExercise('production-lab/wait-for-replicas');
    const second = fresh.controller.openExercise('production-lab/read-from-replica');
    await Promise.all([first, second]);
    await waitUntil(() => childRedisServerPids().filter(lab).length === 2, 'only the second lab (master, replica-1) left', 15_000);
    await waitUntil(() => fresh.store.getState().panel?.topology?.nodes.length === 2, 'the second lab in the panel');
    expect(fresh.store.getState().exerciseId).toBe('production-lab/read-from-replica');
    // Quit while the cluster is starting: it is stopped as soon as it is up.
    void fresh.controller.openExercise('production-lab/cluster-key-slot');
    await waitUntil(() => fresh.store.getState().notice?.text.startsWith('starting the lab'), 'the cluster lab to be starting');
    await fresh.close();
    expect(childRedisServerPids().filter(lab)).toEqual([]);
  }, 90_000);
});

function childRedisServerPids(): number[] {
  return childRedisServers().map((line) => Number(line.split(' ')[0]));
}
