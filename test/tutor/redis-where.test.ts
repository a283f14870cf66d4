import { describe, expect, it } from 'vitest';
import { parseServerProduct } from '../../src/redis/server-identity.js';
import { describeRedis, redisWhere } from '../../src/tutor/redis-where.js';

const VALKEY_8_0_1 = parseServerProduct('# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.0.1\r\n');
const REDIS_8_0_2 = parseServerProduct('# Server\r\nredis_version:8.0.2\r\nredis_mode:standalone\r\n');
const spec = { host: '127.0.0.1', port: 41234, db: 0, tls: false };

describe('the status line names the server it talks to', () => {
  it.each<[string, Parameters<typeof redisWhere>[0], string, string]>([
    ['a private Valkey (its binary called redis-server or not)', { kind: 'private', version: '8.0.1', product: VALKEY_8_0_1, spec }, 'private valkey-server 8.0.1 on 127.0.0.1:41234', 'собственный valkey-server 8.0.1 на 127.0.0.1:41234'],
    ['a Valkey at --url (INFO says redis_version:7.2.4)', { kind: 'url', version: '7.2.4', product: VALKEY_8_0_1, spec: { ...spec, db: 1 } }, 'Valkey 8.0.1 at redis://127.0.0.1:41234/1 (from --url)', 'Valkey 8.0.1 по адресу redis://127.0.0.1:41234/1 (из --url)'],
    ['Redis 8 in Docker', { kind: 'docker', version: '8.0.2', product: REDIS_8_0_2, spec }, 'Redis 8.0.2 in Docker on 127.0.0.1:41234', 'Redis 8.0.2 в Docker на 127.0.0.1:41234'],
    ['a target that never asked (the Redis of its version)', { kind: 'private', version: '7.0.15', spec }, 'private redis-server 7.0.15 on 127.0.0.1:41234', 'собственный redis-server 7.0.15 на 127.0.0.1:41234'],
  ])('%s', (_name, target, en, ru) => {
    expect(describeRedis(redisWhere(target), 'en')).toBe(en);
    expect(describeRedis(redisWhere(target), 'ru')).toBe(ru);
  });
});
