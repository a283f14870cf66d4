import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateServer } from '../../src/redis/private-server.js';
import { parseServerProduct, productFromBinaryOutput, productName, readServerFacts } from '../../src/redis/server-identity.js';
import { connectToUrl } from '../../src/redis/url-target.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/* The first lines of INFO server as each server prints them (CRLF, as on the wire). */
const REDIS_7_0_15 = [
  '# Server',
  'redis_version:7.0.15',
  'redis_git_sha1:00000000',
  'redis_git_dirty:0',
  'redis_build_id:ae4d7c971a948f0',
  'redis_mode:standalone',
  'os:Linux 6.1.0 x86_64',
  'arch_bits:64',
].join('\r\n');

const REDIS_8_0_2 = [
  '# Server',
  'redis_version:8.0.2',
  'redis_git_sha1:00000000',
  'redis_git_dirty:1',
  'redis_build_id:93bc2ca64f8a5a4c',
  'redis_mode:standalone',
  'os:Linux 6.1.0 x86_64',
].join('\r\n');

/* Valkey keeps redis_version at 7.2.4 for clients that check it, and says what it is after it. */
const VALKEY_8_0_1 = [
  '# Server',
  'redis_version:7.2.4',
  'server_name:valkey',
  'valkey_version:8.0.1',
  'redis_git_sha1:00000000',
  'redis_git_dirty:0',
  'redis_build_id:1ce7ee5a7d2bd5e3',
  'server_mode:standalone',
  'os:Linux 6.1.0 x86_64',
].join('\r\n');

describe('which server INFO server describes', () => {
  it.each([
    ['Redis 7.0.15', REDIS_7_0_15, { kind: 'redis', version: '7.0.15', redisVersion: '7.0.15' }],
    ['Redis 8.0.2', REDIS_8_0_2, { kind: 'redis', version: '8.0.2', redisVersion: '8.0.2' }],
    ['Valkey 8.0.1 (redis_version first, then valkey_version)', VALKEY_8_0_1, { kind: 'valkey', version: '8.0.1', redisVersion: '7.2.4' }],
    ['a Valkey that names itself but no valkey_version', '# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\n', { kind: 'valkey', version: '7.2.4', redisVersion: '7.2.4' }],
  ])('%s', (_name, info, product) => {
    expect(parseServerProduct(info)).toEqual(product);
  });

  it('names it as people do', () => {
    expect(productName(parseServerProduct(VALKEY_8_0_1))).toBe('Valkey 8.0.1');
    expect(productName(parseServerProduct(REDIS_8_0_2))).toBe('Redis 8.0.2');
  });
});

describe('which server a binary says it is (--version)', () => {
  it.each([
    ['Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=ae4d7c971a948f0', { kind: 'redis', version: '7.0.15', redisVersion: '7.0.15' }],
    ['Valkey server v=8.0.1 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=1ce7ee5a7d2bd5e3', { kind: 'valkey', version: '8.0.1', redisVersion: '7.2.4' }],
    ['something else', undefined],
  ])('%s', (output, product) => {
    expect(productFromBinaryOutput(output)).toEqual(product);
  });
});

describe('on a real redis-server', () => {
  let server: TestServer;
  let scratch: string;
  beforeAll(async () => {
    server = await startTestServer();
    scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-identity-'));
  });
  afterAll(async () => {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('reads the product and which of the asked commands the server knows, subcommands included', async () => {
    const redis = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
    await redis.connect();
    try {
      const info = await redis.info('server');
      const version = /redis_version:(\S+)/.exec(info)?.[1];
      const facts = await readServerFacts(redis, { owned: false, commands: ['GET', 'client no-touch', 'CLIENT|LIST', 'NO-SUCH-COMMAND'] });
      expect(facts).toMatchObject({ kind: 'redis', version, redisVersion: version, owned: false });
      expect(facts.commands).toMatchObject({ GET: true, 'CLIENT|LIST': true, 'NO-SUCH-COMMAND': false });
      // CLIENT NO-TOUCH came with Redis 7.2: whatever this server is, the answer agrees with COMMAND INFO.
      const [noTouch] = (await redis.call('COMMAND', 'INFO', 'client|no-touch')) as unknown[];
      expect(facts.commands['CLIENT|NO-TOUCH']).toBe(noTouch !== null);
    } finally {
      redis.disconnect();
    }
  });

  it('the targets know the product and describe() names it', async () => {
    const url = await connectToUrl(`${server.url}/2`, { ownershipFile: join(scratch, 'claims.json') });
    expect(url.product.kind).toBe('redis');
    expect(url.describe()).toBe(`Redis ${url.product.version} at redis://127.0.0.1:${server.port}/2 (from --url)`);
    const own = await startPrivateServer({ handleSignals: false });
    try {
      expect(own.product).toEqual({ kind: 'redis', version: own.version, redisVersion: own.version });
      expect(own.describe()).toBe(`private redis-server ${own.version} on 127.0.0.1:${own.spec.port}`);
    } finally {
      await own.release();
    }
  });
});
