import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClientList } from '../../src/engine/client-list.js';
import { buildTestExercise } from './support/build-exercise.js';
import { startEngineFixture, type EngineFixture } from './support/engine-fixture.js';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture?.stop();
});

const anyKey = buildTestExercise({ checks: [{ kind: 'key', key: 'k', exists: true }] });

async function learnerRuns(...lines: string[]) {
  const attempt = await fixture.engine.startAttempt(anyKey);
  for (const line of lines) {
    const outcome = await attempt.runLine(line);
    expect(outcome.reply?.type, line).not.toBe('error');
  }
  return attempt;
}

describe('sandbox reset', () => {
  it('removes keys, learner ACL users, scripts and functions', async () => {
    await learnerRuns(
      'SET a 1',
      'SELECT 3',
      'SET b 2',
      'ACL SETUSER bob on >pw ~* +@all',
      'SCRIPT LOAD "return 1"',
      `FUNCTION LOAD "#!lua name=mylib\\nredis.register_function('f', function() return 1 end)"`,
    );
    const report = await fixture.engine.resetSandbox();
    expect(report.deletedUsers).toEqual(['bob']);
    expect(report.problems).toEqual([]);
    const { checker } = fixture.engine;
    expect(await checker.call('ACL', 'USERS')).not.toContain('bob');
    expect(await checker.info('keyspace')).not.toMatch(/db\d+:keys/);
    expect(await checker.call('FUNCTION', 'LIST')).toEqual([]);
    expect(await fixture.engine.leftovers()).toEqual([]);
  });

  it('restores changed config and a changed default user', async () => {
    await learnerRuns('CONFIG SET maxmemory-policy allkeys-lru', 'CONFIG SET maxmemory 10mb', 'ACL SETUSER default resetkeys ~user:*');
    expect(await fixture.engine.leftovers()).not.toEqual([]);
    const report = await fixture.engine.resetSandbox();
    expect(report.restoredConfig.sort()).toEqual(['maxmemory', 'maxmemory-policy']);
    expect(report.restoredUsers).toEqual(['default']);
    expect(await fixture.engine.checker.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    expect(await fixture.engine.leftovers()).toEqual([]);
  });

  it('keeps the checker working while requirepass is set, then restores it', async () => {
    const attempt = await learnerRuns('SET k v', 'CONFIG SET requirepass secret');
    const plain = new Redis({ port: fixture.target.spec.port, lazyConnect: true, enableReadyCheck: false, retryStrategy: () => null });
    plain.on('error', () => undefined);
    await plain.connect();
    await expect(plain.get('k')).rejects.toThrow(/NOAUTH/);
    expect((await attempt.evaluate()).passed).toBe(true);
    plain.disconnect();
    await fixture.engine.resetSandbox();
    // The private server's own password is back: the tutor's new connections get in, others still do not.
    const { password } = fixture.target.spec;
    const fresh = new Redis({ port: fixture.target.spec.port, password, retryStrategy: () => null });
    expect(await fresh.get('k')).toBeNull();
    fresh.disconnect();
    expect(await fixture.engine.checker.config('GET', 'requirepass')).toEqual(['requirepass', password]);
    // The learner's connection works again after the reset.
    const next = await fixture.engine.startAttempt(anyKey);
    expect((await next.runLine('SET k v')).reply?.type).toBe('status');
  });

  it('unsubscribes the learner, resets its name and closes other clients', async () => {
    await learnerRuns('CLIENT SETNAME me', 'SUBSCRIBE news');
    const other = new Redis({ port: fixture.target.spec.port, password: fixture.target.spec.password, connectionName: 'someone-else', retryStrategy: () => null });
    other.on('error', () => undefined);
    await other.ping();
    const report = await fixture.engine.resetSandbox();
    expect(report.killedClients).toBeGreaterThanOrEqual(1);
    const clients = parseClientList(String(await fixture.engine.checker.call('CLIENT', 'LIST')));
    expect(clients.find((client) => client.name === 'someone-else')).toBeUndefined();
    const learner = clients.find((client) => Number(client.id) === fixture.engine.learner.clientId);
    expect(learner).toMatchObject({ name: 'redis-tutor:learner', sub: '0', psub: '0' });
    other.disconnect();
  });

  it('reconnects a learner that quit', async () => {
    await learnerRuns('QUIT');
    const attempt = await fixture.engine.startAttempt(anyKey);
    expect((await attempt.runLine('PING')).reply).toEqual({ type: 'status', value: Buffer.from('PONG') });
  });
});
