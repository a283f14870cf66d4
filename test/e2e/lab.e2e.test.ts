import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAlive } from '../redis/support/processes.js';
import { waitUntil } from '../support/wait-until.js';
import { command, savedStatus, useTutorApp } from './support/tutor-harness.js';

/**
 * A production lab in `redis-tutor start`, in a real pseudo-terminal: the
 * cluster lab starts its six nodes, the data panel shows them with their
 * slots, the learner's `connect node-3` moves the prompt there as redis-cli
 * would, the lab is solved, and quitting leaves no redis-server of the lab.
 */
const { start } = useTutorApp();

/** The redis-server processes the tutor started (its sandbox and the lab's nodes). */
function redisServersOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid), 'redis-server'], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

describe('a production lab in the TUI', () => {
  it('starts the cluster lab, shows its topology, follows connect node-3, is solved, and stops every node on quit', async () => {
    const { tui, home } = start(['--exercise', 'production-lab/cluster-key-slot'], { columns: 140, rows: 44 });
    await tui.waitFor('Cluster: which node holds the key?', 30_000);
    // Six nodes beside the sandbox, the panel listing each master's slots, the prompt on node-1.
    let screen = await tui.waitFor(/node-6 +:\d+ +replica/, 60_000);
    expect(screen).toContain('Lab · cluster');
    expect(screen).toMatch(/slots 0-5460/);
    expect(screen).toMatch(/slots 10922-16383/);
    const port = (node: string) => Number(new RegExp(`${node} +:(\\d+)`).exec(tui.text())?.[1]);
    expect(tui.text()).toMatch(new RegExp(`▸ node-1 +:${port('node-1')} +master`));
    await tui.waitFor(`127.0.0.1:${port('node-1')}>`);
    const servers = redisServersOf(tui.pid);
    expect(servers).toHaveLength(7);

    await command(tui, 'CLUSTER KEYSLOT user:42');
    await tui.waitFor('(integer) 15880');
    await command(tui, 'SET user:42 anna');
    await tui.waitFor(`(error) MOVED 15880 127.0.0.1:${port('node-3')}`);
    await command(tui, 'connect node-3');
    await tui.waitFor(`127.0.0.1:${port('node-3')}>`);
    await tui.waitFor(new RegExp(`▸ node-3 +:${port('node-3')} +master`));
    await command(tui, 'SET user:42 anna');
    screen = await tui.waitFor('✓ Solved!', 30_000);
    expect(screen).toContain('✓ user:42 = anna on the node that serves its slot');
    expect(await savedStatus(home, 'production-lab/cluster-key-slot')).toBe('solved');

    await tui.press('ctrlC');
    await tui.waitFor('Quit redis-tutor?');
    await tui.type('y');
    expect(await tui.waitForExit(30_000)).toBe(0);
    await waitUntil(() => servers.every((pid) => !isAlive(pid)), 'every redis-server of the lab and the sandbox to be gone', 15_000);
  }, 120_000);

  it('stops the lab when the tutor is told to end (SIGTERM) in the middle of it', async () => {
    const { tui } = start(['--exercise', 'production-lab/read-from-replica'], { columns: 120, rows: 36 });
    await tui.waitFor(/replica-1 +:\d+ +replica/, 60_000);
    const servers = redisServersOf(tui.pid);
    expect(servers).toHaveLength(3);
    process.kill(tui.pid, 'SIGTERM');
    expect(await tui.waitForExit(30_000)).toBe(0);
    await waitUntil(() => servers.every((pid) => !isAlive(pid)), 'every redis-server of the lab and the sandbox to be gone', 15_000);
  }, 120_000);
});
