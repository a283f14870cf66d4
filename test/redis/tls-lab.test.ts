import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect as connectTls } from 'node:tls';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programEnv } from '../../src/programs/program-env.js';
import { openChecker } from '../../src/redis/checker.js';
import { startPrivateServer, type PrivateRedisTarget } from '../../src/redis/private-server.js';
import { binaryHasTls, tlsEndpointOf, tlsLabOf, tlsSpec, type TlsLab } from '../../src/redis/tls-lab.js';

/**
 * The TLS lab with the real openssl and the real redis-server: a throwaway
 * CA signs the server's certificate, the server opens a tls-port beside its
 * plain one, a client that trusts the CA writes over TLS, and the server
 * shows the connection on the TLS port.
 */
let target: PrivateRedisTarget;
let checker: Redis;
let lab: TlsLab;

beforeAll(async () => {
  target = await startPrivateServer({ handleSignals: false });
  checker = await openChecker(target);
  const found = tlsLabOf(target);
  if (found === undefined) throw new Error('a private server has a TLS lab');
  lab = found;
});
afterAll(async () => {
  checker.disconnect();
  await target.release();
});

function tlsClient(port: number, ca: string | undefined): Redis {
  return new Redis({
    host: '127.0.0.1',
    port,
    ...(target.spec.password !== undefined ? { password: target.spec.password } : {}),
    tls: ca !== undefined ? { ca: readFileSync(ca) } : {},
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
}

function redisCli(args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile('redis-cli', args, { timeout: 10_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

describe('TLS lab', () => {
  it('knows the Debian redis-server is built with TLS', () => {
    expect(binaryHasTls(target.binary)).toBe(true);
    expect(lab.unsupportedReason).toBeUndefined();
    expect(binaryHasTls('/nonexistent/redis-server')).toBe(false);
  });

  it('opens a TLS port whose certificate a client trusting the lab CA accepts, and the write arrives on that port', async () => {
    const endpoint = await lab.open(checker);
    expect(endpoint.port).not.toBe(target.spec.port);
    expect(tlsEndpointOf(target.spec)).toEqual(endpoint);
    expect(((await checker.config('GET', 'tls-port')) as string[])[1]).toBe(String(endpoint.port));

    const client = tlsClient(endpoint.port, endpoint.caFile);
    try {
      await client.connect();
      await client.client('SETNAME', 'tls-lab-test');
      expect(await client.set('tls:hello', 'encrypted')).toBe('OK');
      expect(await checker.get('tls:hello')).toBe('encrypted');
      const list = String(await checker.client('LIST'));
      const line = list.split('\n').find((entry) => entry.includes('name=tls-lab-test'));
      expect(line).toContain(`laddr=127.0.0.1:${endpoint.port} `);
    } finally {
      client.disconnect();
      await checker.del('tls:hello');
    }
  });

  it('is refused by a client that does not trust the lab CA', async () => {
    const endpoint = lab.endpoint ?? (await lab.open(checker));
    const refusal = await new Promise<string>((resolve) => {
      const socket = connectTls({ host: '127.0.0.1', port: endpoint.port }, () => {
        resolve('accepted');
        socket.destroy();
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    expect(refusal).toMatch(/^(SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)$/);
  });

  it('answers redis-cli --tls --cacert, as the lesson shows', async () => {
    const endpoint = lab.endpoint ?? (await lab.open(checker));
    const password = target.spec.password ?? '';
    const ok = await redisCli(['--tls', '--cacert', endpoint.caFile, '-p', String(endpoint.port), '--no-auth-warning', '-a', password, 'PING']);
    expect(ok).toEqual({ code: 0, output: 'PONG\n' });
    const url = `rediss://default:${password}@127.0.0.1:${endpoint.port}/0`;
    expect((await redisCli(['--cacert', endpoint.caFile, '--no-auth-warning', '-u', url, 'PING'])).output).toBe('PONG\n');
    const plain = await redisCli(['-p', String(endpoint.port), '--no-auth-warning', '-a', password, 'PING']);
    expect(plain.output).not.toBe('PONG\n');
  });

  it('hands a program REDIS_TLS_URL and REDIS_TLS_CA, which redis-cli reaches the TLS port with', async () => {
    const endpoint = lab.endpoint ?? (await lab.open(checker));
    const env = programEnv({ PATH: process.env.PATH ?? '' }, target.spec);
    expect(env.REDIS_TLS_URL).toBe(`rediss://default:${target.spec.password ?? ''}@127.0.0.1:${endpoint.port}/0`);
    expect(env.REDIS_TLS_CA).toBe(endpoint.caFile);
    expect(env.REDIS_URL).toBe(`redis://default:${target.spec.password ?? ''}@127.0.0.1:${target.spec.port}/0`);
    const info = await redisCli(['--cacert', env.REDIS_TLS_CA ?? '', '--no-auth-warning', '-u', env.REDIS_TLS_URL ?? '', 'CLIENT', 'INFO']);
    expect(info.output).toContain(`laddr=127.0.0.1:${endpoint.port} `);
  });

  it('gives a spec for the TLS port without the lab field', async () => {
    const endpoint = lab.endpoint ?? (await lab.open(checker));
    const spec = tlsSpec(target.spec, endpoint);
    expect(spec).toEqual({ ...target.spec, port: endpoint.port, tls: true, tlsLab: undefined });
    expect('tlsLab' in spec).toBe(false);
  });

  it('closes the port, after which the certificate settings can go back to empty', async () => {
    const endpoint = lab.endpoint ?? (await lab.open(checker));
    await lab.close(checker);
    expect(tlsEndpointOf(target.spec)).toBeUndefined();
    expect(((await checker.config('GET', 'tls-port')) as string[])[1]).toBe('0');
    // The sandbox's reset restores these to the baseline; with the port off Redis accepts it.
    for (const name of ['tls-cert-file', 'tls-key-file', 'tls-ca-cert-file']) expect(await checker.config('SET', name, '')).toBe('OK');
    expect(await checker.config('SET', 'tls-auth-clients', 'yes')).toBe('OK');
    const client = tlsClient(endpoint.port, endpoint.caFile);
    await expect(client.connect()).rejects.toThrow();
    client.disconnect();
    // Opening again reuses the folder's certificates and works.
    const again = await lab.open(checker);
    expect(again.caFile).toBe(endpoint.caFile);
    await lab.close(checker);
  });
});
