import { describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import {
  assertSupportedVersion,
  compareVersions,
  isRedis7OrNewer,
  isSupportedVersion,
  parseVersion,
  versionFromServerBinaryOutput,
} from '../../src/redis/server-version.js';

describe('server versions', () => {
  it.each([
    ['7.0.15', [7, 0, 15]],
    ['6.2', [6, 2, 0]],
    ['255.255.255', [255, 255, 255]],
    ['7.2.4-rc1', [7, 2, 4]],
    ['', undefined],
    ['seven', undefined],
  ])('parseVersion(%j)', (text, triple) => {
    expect(parseVersion(text)).toEqual(triple);
  });

  it.each([
    ['Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=e08dbad3e06f3fb', '7.0.15'],
    ['Redis server v=6.2.14 sha=00000000:0 malloc=jemalloc-5.1.0 bits=64 build=1', '6.2.14'],
    ['Valkey server v=8.0.1 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=2', '8.0.1'],
    ['redis-server: command not found', undefined],
  ])('versionFromServerBinaryOutput(%j)', (output, version) => {
    expect(versionFromServerBinaryOutput(output)).toBe(version);
  });

  it.each([
    ['7.0.15', '7.0.15', 0],
    ['7.0.15', '7.0.9', 1],
    ['7.0.9', '7.0.15', -1],
    ['6.2.0', '6.2', 0],
    ['10.0.0', '9.9.9', 1],
    ['6.0.16', '6.2.0', -1],
    ['7.2.4', '7.10.0', -1],
    ['garbage', '1.0.0', -1],
    ['1.0.0', 'garbage', 1],
  ])('compareVersions(%s, %s) has sign %i', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  it.each([
    ['5.0.7', false],
    ['6.0.16', false],
    ['6.2.0', true],
    ['6.2.14', true],
    ['7.0.15', true],
    ['7.4.1', true],
    ['255.255.255', true],
    ['', false],
    ['unknown', false],
  ])('isSupportedVersion(%j) = %s', (version, supported) => {
    expect(isSupportedVersion(version)).toBe(supported);
  });

  it.each([
    ['6.2.14', false],
    ['7.0.0', true],
    ['8.0.1', true],
  ])('isRedis7OrNewer(%s) = %s', (version, seven) => {
    expect(isRedis7OrNewer(version)).toBe(seven);
  });

  it('refuses an old server with the version, the minimum and a way forward', () => {
    expect(() => assertSupportedVersion('6.0.16', 'the Redis at localhost:6379')).toThrow(EnvironmentError);
    try {
      assertSupportedVersion('6.0.16', 'the Redis at localhost:6379');
    } catch (error) {
      expect((error as EnvironmentError).message).toBe('the Redis at localhost:6379 is Redis 6.0.16, and redis-tutor needs Redis 6.2 or newer.');
      expect((error as EnvironmentError).nextStep).toMatch(/redis:7/);
    }
    expect(() => assertSupportedVersion('6.2.0', 'x')).not.toThrow();
  });
});
