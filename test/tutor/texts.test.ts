import { describe, expect, it } from 'vitest';
import { describeRedis, redisWhere } from '../../src/tutor/redis-where.js';
import { texts } from '../../src/tutor/texts.js';

describe('the TUI texts', () => {
  // The Russian table starts from the English one; only these may stay as they are.
  const sameInBoth = new Set(['appName', 'subscribeBanner']);

  it.each(Object.keys(texts('en')).filter((key) => !sameInBoth.has(key)))('%s has a Russian text of its own', (key) => {
    const en = texts('en')[key as keyof ReturnType<typeof texts>];
    const ru = texts('ru')[key as keyof ReturnType<typeof texts>];
    expect(ru).not.toBe(en);
  });

  it('words the tutor’s own notes in Russian', () => {
    expect(texts('ru').moreNotShown(12)).toBe('… и ещё 12 не показано');
    expect(texts('ru').tutorError('connection lost')).toBe('Ошибка: connection lost');
  });
});

describe('the status line’s Redis, in the learner’s language', () => {
  const spec = { host: '127.0.0.1', port: 41234, db: 0, tls: false };
  it.each<[string, Parameters<typeof redisWhere>[0], string, string]>([
    ['private', { kind: 'private', version: '7.0.15', spec }, 'private redis-server 7.0.15 on 127.0.0.1:41234', 'собственный redis-server 7.0.15 на 127.0.0.1:41234'],
    ['docker', { kind: 'docker', version: '7.2.4', spec }, 'Redis 7.2.4 in Docker on 127.0.0.1:41234', 'Redis 7.2.4 в Docker на 127.0.0.1:41234'],
    [
      'url',
      { kind: 'url', version: '7.0.15', spec: { host: '::1', port: 6380, db: 3, tls: true, password: 'secret' } },
      'Redis 7.0.15 at rediss://[::1]:6380/3 (from --url)',
      'Redis 7.0.15 по адресу rediss://[::1]:6380/3 (из --url)',
    ],
  ])('%s', (_name, target, en, ru) => {
    expect(describeRedis(redisWhere(target), 'en')).toBe(en);
    expect(describeRedis(redisWhere(target), 'ru')).toBe(ru);
    expect(describeRedis(redisWhere(target), 'ru')).not.toContain('secret');
  });
});
