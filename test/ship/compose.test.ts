import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isLoopback, publishedHostIp } from './compose-ports.js';

/*
 * No Docker engine runs where the tests run, so docker-compose.yml is checked
 * as data: what `docker compose up` would publish, pin and keep. The Redis it
 * starts is used through --url, which ./docker-path.test.ts exercises.
 */
interface Service {
  image?: string;
  ports?: unknown[];
  volumes?: unknown[];
  healthcheck?: { test?: unknown };
  profiles?: string[];
  network_mode?: string;
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readFileSync(join(import.meta.dirname, '../../docker-compose.yml'), 'utf8')) as ComposeFile;
const services = Object.entries(compose.services);
const redis = compose.services['redis'];

/** A Redis 7 release (7.x or 7.x.y, optionally -alpine and a digest): `docker compose pull` must not jump majors. */
const PINNED_REDIS_7 = /^redis:7\.\d+(\.\d+)?(-[a-z0-9.]+)?(@sha256:[0-9a-f]{64})?$/;

describe('the pinned-image rule', () => {
  it.each([
    ['redis:7.2.5', true],
    ['redis:7.2', true],
    ['redis:7.4.1-alpine', true],
    ['redis:7', false],
    ['redis:latest', false],
    ['redis', false],
    ['redis:6.2.14', false],
    ['redis:8.0.0', false],
  ])('%s: %s', (image, pinned) => {
    expect(PINNED_REDIS_7.test(image)).toBe(pinned);
  });
});

describe('publishedHostIp (the guard below must be able to say no)', () => {
  it.each<[unknown, string | undefined, boolean]>([
    ['127.0.0.1:6379:6379', '127.0.0.1', true],
    ['127.0.0.1:6379:6379/tcp', '127.0.0.1', true],
    ['[::1]:6379:6379', '::1', true],
    [{ target: 6379, published: 6379, host_ip: '127.0.0.1' }, '127.0.0.1', true],
    ['6379:6379', undefined, false],
    ['6379', undefined, false],
    [6379, undefined, false],
    ['0.0.0.0:6379:6379', '0.0.0.0', false],
    ['[::]:6379:6379', '::', false],
    [{ target: 6379, published: 6379 }, undefined, false],
  ])('%j publishes on %s (loopback: %s)', (entry, ip, loopback) => {
    expect(publishedHostIp(entry)).toBe(ip);
    expect(isLoopback(publishedHostIp(entry))).toBe(loopback);
  });
});

describe('docker-compose.yml', () => {
  it('has a redis service', () => {
    expect(redis).toBeDefined();
  });

  it('pins redis to a Redis 7 release (not latest, not a bare 7)', () => {
    expect(redis?.image).toMatch(PINNED_REDIS_7);
  });

  it.each(services)('%s publishes its ports on the loopback interface only', (_, service) => {
    expect(service.network_mode).not.toBe('host');
    for (const entry of service.ports ?? []) expect({ entry, loopback: isLoopback(publishedHostIp(entry)) }).toEqual({ entry, loopback: true });
  });

  it('redis has a healthcheck that pings it', () => {
    expect(redis?.healthcheck?.test).toEqual(expect.arrayContaining([expect.stringMatching(/redis-cli/), 'ping']));
  });

  it('redis keeps /data in a named volume declared at the top level', () => {
    const named = (redis?.volumes ?? []).flatMap((entry) => {
      const [source, target] = typeof entry === 'string' ? entry.split(':') : [(entry as { source?: string }).source, (entry as { target?: string }).target];
      // A named volume's source has no slash (a host path would start with ./, / or ~).
      return target === '/data' && source !== undefined && !/[/~.]/.test(source[0] ?? '/') ? [source] : [];
    });
    expect(named).toHaveLength(1);
    expect(Object.keys(compose.volumes ?? {})).toContain(named[0]);
  });

  it('the optional UI sits behind a profile, so plain `docker compose up` starts only Redis, and publishes on loopback', () => {
    const others = services.filter(([name]) => name !== 'redis');
    expect(others.length).toBeGreaterThan(0);
    for (const [name, service] of others) {
      expect(service.profiles?.length ?? 0, `${name} sits behind a profile`).toBeGreaterThan(0);
      expect(service.ports?.length ?? 0).toBeGreaterThan(0);
      for (const entry of service.ports ?? []) expect(isLoopback(publishedHostIp(entry))).toBe(true);
    }
    expect(redis?.profiles).toBeUndefined();
  });
});
