/**
 * `redis-tutor cli -c` against the real redis-cli 7.0.15 on a real local
 * cluster of 6 redis-server processes (3 masters, 3 replicas): MOVED and
 * ASK followed, the redirect line in the REPL (piped or on a terminal) and
 * none for a command given as arguments, byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInPty, type PtySession } from '../redis-cli/line-editor/support/redis-cli-oracle.js';
import { BIN } from './support/run-both.js';
import { nodeCommand, nodeId, runBothOnCluster, startCluster, type Cluster } from './support/cluster-both.js';

const corpus = readFileSync(join(fileURLToPath(new URL('.', import.meta.url)), 'corpus', 'cluster.redis'), 'latin1');

let cluster: Cluster;
const node = (index: number) => cluster.nodes[index - 1] ?? cluster.entry;
const portOf = (index: number) => node(index).target.spec.port;

beforeAll(async () => {
  cluster = await startCluster(true);
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

describe('differential: -c on a real cluster', () => {
  it.each<[string, string[]]>([
    ['--no-raw', ['-c', '--no-raw']],
    ['default (raw, stdout is a pipe)', ['-c']],
    ['-3 --no-raw', ['-c', '-3', '--no-raw']],
  ])('the cluster corpus piped, with %s', async (_name, args) => {
    const { theirs, ours } = await runBothOnCluster(cluster, args, corpus);
    expect(theirs.stdout).toContain(`-> Redirected to slot [12182] located at 127.0.0.1:${portOf(3)}\n`);
    expect(ours).toEqual(theirs);
  }, 60_000);

  it('without -c a MOVED is printed as an error', async () => {
    const { theirs, ours } = await runBothOnCluster(cluster, ['--no-raw'], 'set foo 1\nget foo\n');
    expect(theirs.stdout).toContain('(error) MOVED 12182');
    expect(ours).toEqual(theirs);
  }, 60_000);

  it('from a replica: MOVED to its master', async () => {
    const { theirs, ours } = await runBothOnCluster(cluster, ['-c', '--no-raw'], 'get bar\nset bar 1\nget foo\nreadonly\nget foo\n', { node: node(4) });
    expect(theirs.stdout).toContain('-> Redirected to slot');
    expect(ours).toEqual(theirs);
  }, 60_000);

  it.each<[string, string[]]>([
    ['GET of a key on another node', ['-c', '--no-raw', 'GET', 'foo']],
    ['SET of a key on another node', ['-c', 'SET', 'foo', 'x']],
    ['a key on this node', ['-c', '--no-raw', 'INCR', 'bar']],
  ])('one-shot: %s, followed silently', async (_name, args) => {
    const { theirs, ours } = await runBothOnCluster(cluster, args, '');
    expect(theirs.stdout).not.toContain('Redirected');
    expect(ours).toEqual(theirs);
  }, 60_000);

  it('-n 1: SELECT refused on every connection, redirects included', async () => {
    const { theirs, ours } = await runBothOnCluster(cluster, ['-c', '-n', '1', '--no-raw'], 'get bar\nget foo\nget foo\nping\n');
    expect(theirs.stderr).toContain('SELECT 1 failed');
    expect(ours).toEqual(theirs);
  }, 60_000);

  it('-a on the command line: the warning, then the same session', async () => {
    const { theirs, ours } = await runBothOnCluster(cluster, ['-a', cluster.password, '-c', '--no-raw'], 'set foo 1\nget foo\nget bar\n', { env: { REDISCLI_AUTH: '' } });
    expect(theirs.stderr).toContain('Warning: Using a password');
    expect(ours).toEqual(theirs);
  }, 60_000);

  it('ASK during a migration: ASKING is sent, the session stays on the importing node, MOVED brings it back', async () => {
    // Slot 866 ("hello") moves from node-1 to node-2: absent from node-1, a key is asked for on node-2.
    const slot = '866';
    const prepare = async () => {
      const [from, to] = await Promise.all([nodeId(cluster, node(1)), nodeId(cluster, node(2))]);
      await nodeCommand(cluster, node(2), ['CLUSTER', 'SETSLOT', slot, 'IMPORTING', from]);
      await nodeCommand(cluster, node(1), ['CLUSTER', 'SETSLOT', slot, 'MIGRATING', to]);
    };
    const cleanUp = async () => {
      await nodeCommand(cluster, node(1), ['CLUSTER', 'SETSLOT', slot, 'STABLE']);
      await nodeCommand(cluster, node(2), ['CLUSTER', 'SETSLOT', slot, 'STABLE']);
    };
    const input = 'get hello\nset hello there\nget hello\nget bar\n';
    const { theirs, ours } = await runBothOnCluster(cluster, ['-c', '--no-raw'], input, { prepare, cleanUp });
    expect(theirs.stdout).toContain(`-> Redirected to slot [866] located at 127.0.0.1:${portOf(2)}\n`);
    expect(ours).toEqual(theirs);
  }, 60_000);
});

describe('-c on a terminal', () => {
  const sessions: PtySession[] = [];
  afterAll(() => {
    for (const session of sessions) session.close();
  });
  const backAtPrompt = (prompt: string) => (output: string) => output.endsWith(prompt);

  it('prints the redirect line and the prompt shows the new node, as redis-cli does', async () => {
    const env = { REDISCLI_AUTH: cluster.password, REDISCLI_HISTFILE: '/dev/null', REDISCLI_RCFILE: '/dev/null' };
    const screens: string[][] = [];
    for (const [command, args] of [
      ['redis-cli', []],
      [process.execPath, [BIN, 'cli']],
    ] as const) {
      const session = await startInPty(command, [...args, '-c', '-p', String(portOf(1))], { env });
      sessions.push(session);
      await session.type('set foo 1\r', backAtPrompt(`127.0.0.1:${portOf(3)}> `));
      await session.type('get bar\r', backAtPrompt(`127.0.0.1:${portOf(1)}> `));
      await session.type('get bar\r', backAtPrompt(`127.0.0.1:${portOf(1)}> `));
      screens.push(session.screen().map((row) => row.trimEnd()));
      session.close();
      await nodeCommand(cluster, node(1), ['FLUSHALL']);
      await nodeCommand(cluster, node(3), ['FLUSHALL']);
    }
    expect(screens[0]).toContain(`-> Redirected to slot [12182] located at 127.0.0.1:${portOf(3)}`);
    expect(screens[1]).toEqual(screens[0]);
  }, 60_000);
});
