/**
 * The private server has a password of its own, random per start: another
 * user of the machine who reaches 127.0.0.1 is refused, while everything the
 * tutor connects through the target's spec (checker, learner, a new engine)
 * gets in without anyone typing it, also after a learner changed requirepass
 * and the sandbox was reset.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { connectRespLearner } from '../../src/engine/default-learner.js';
import { Engine } from '../../src/engine/engine.js';
import { openChecker } from '../../src/redis/checker.js';
import { startPrivateServer, type PrivateRedisTarget } from '../../src/redis/private-server.js';
import type { Reply } from '../../src/resp/types.js';
import { buildTestExercise } from '../engine/support/build-exercise.js';
import { waitUntil } from '../support/wait-until.js';

const started: PrivateRedisTarget[] = [];
const opened: Array<{ close(): unknown }> = [];
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-private-auth-'));
const ownershipFile = join(scratch, 'claims.json');

async function start(): Promise<PrivateRedisTarget> {
  const target = await startPrivateServer({ handleSignals: false });
  started.push(target);
  return target;
}

async function checker(target: PrivateRedisTarget): Promise<Redis> {
  const redis = await openChecker(target);
  opened.push({ close: () => redis.disconnect() });
  return redis;
}

async function engineOn(target: PrivateRedisTarget): Promise<Engine> {
  const engine = await Engine.open(target, { connectLearner: connectRespLearner, ownershipFile });
  opened.push(engine);
  return engine;
}

/** One inline command on a bare socket, as any local process could send it: the first reply line. */
function rawCommand(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let received = '';
    socket.once('error', reject);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(received.slice(0, end));
      }
    });
    socket.connect(port, '127.0.0.1', () => socket.write(`${line}\r\n`));
  });
}

const text = (reply: Reply | undefined): string | undefined =>
  reply?.type === 'status' || reply?.type === 'bulk' || reply?.type === 'error' ? reply.value.toString('utf8') : undefined;

afterEach(async () => {
  for (const thing of opened.splice(0).reverse()) await thing.close();
  await Promise.all(started.splice(0).map((target) => target.release()));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the private server requires its own password', () => {
  it('refuses a connection without it (NOAUTH) and lets the spec in', async () => {
    const target = await start();
    expect(target.spec.password).toMatch(/^[0-9a-f]{32}$/);
    expect(await rawCommand(target.spec.port, 'PING')).toMatch(/^-NOAUTH /);
    expect(await rawCommand(target.spec.port, 'AUTH not-the-password')).toMatch(/^-WRONGPASS /);
    expect(await rawCommand(target.spec.port, 'HELLO 3 AUTH default not-the-password')).toMatch(/^-WRONGPASS /);
    const redis = await checker(target);
    expect(await redis.ping()).toBe('PONG');
    expect(await redis.call('ACL', 'WHOAMI')).toBe('default');
  });

  it('makes a new password for every server, and keeps it across restarts so the spec stays right', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    expect(first.spec.password).not.toBe(second.spec.password);
    const before = first.spec.password;
    // The checker reconnects on its own, with the password it was opened with.
    const redis = await checker(first);
    await first.restart();
    expect(first.spec.password).toBe(before);
    await waitUntil(() => redis.status === 'ready', 'the checker to reconnect after the restart');
    await redis.set('k', 'v');
    await redis.save();
    await first.restart({ keepData: true });
    expect(first.spec.password).toBe(before);
    expect(await rawCommand(first.spec.port, 'PING')).toMatch(/^-NOAUTH /);
    expect(await (await checker(first)).get('k')).toBe('v');
  });

  it('the learner never types it: the prompt is `default`, and RESET does not log it out', async () => {
    const target = await start();
    const engine = await engineOn(target);
    const attempt = await engine.startAttempt(buildTestExercise({ checks: [{ kind: 'key', key: 'k', exists: true }] }));
    expect(text((await attempt.runLine('ACL WHOAMI')).reply)).toBe('default');
    expect(text((await attempt.runLine('RESET')).reply)).toBe('RESET');
    expect(text((await attempt.runLine('PING')).reply)).toBe('PONG');
    expect(text((await attempt.runLine('ACL WHOAMI')).reply)).toBe('default');
    expect(text((await attempt.runLine('SET k v')).reply)).toBe('OK');
    expect((await attempt.evaluate()).passed).toBe(true);
  });

  it('a learner who sets requirepass: the sandbox reset puts the private password back, and the tutor gets in again', async () => {
    const target = await start();
    const { password } = target.spec;
    const engine = await engineOn(target);
    const exercise = buildTestExercise({ checks: [{ kind: 'key', key: 'k', exists: false }] });
    const attempt = await engine.startAttempt(exercise);
    for (const line of ['CONFIG SET requirepass orders-2024-Xq7', 'AUTH orders-2024-Xq7', 'ACL WHOAMI']) {
      expect((await attempt.runLine(line)).reply?.type, line).not.toBe('error');
    }
    // The learner's RESET logs out; the private password no longer opens the server, so it stays logged out, as Redis has it.
    expect(text((await attempt.runLine('RESET')).reply)).toBe('RESET');
    expect(text((await attempt.runLine('PING')).reply)).toMatch(/^NOAUTH /);
    await expect(openChecker(target)).rejects.toThrow();

    const report = await engine.resetSandbox();
    expect(report.problems).toEqual([]);
    expect(report.restoredConfig).toContain('requirepass');
    expect(await engine.checker.config('GET', 'requirepass')).toEqual(['requirepass', password]);
    expect(await rawCommand(target.spec.port, 'PING')).toMatch(/^-NOAUTH /);
    // The tutor's own new connections: a checker, and a whole new engine.
    expect(await (await checker(target)).ping()).toBe('PONG');
    const another = await engineOn(target);
    expect(await another.checker.ping()).toBe('PONG');
    // And the learner's prompt, in the next exercise.
    const next = await engine.startAttempt(exercise);
    expect(text((await next.runLine('PING')).reply)).toBe('PONG');
    expect(text((await next.runLine('ACL WHOAMI')).reply)).toBe('default');
    expect(await engine.leftovers()).toEqual([]);
  });
});
