import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError, UserError } from '../../src/errors.js';
import { connect } from '../../src/redis/connect.js';
import { parseRedisUrl } from '../../src/redis/connection-url.js';
import { readServerIdentity } from '../../src/redis/server-info.js';
import { renderError } from '../../src/render-error.js';
import { preflightUrl } from '../../src/redis/url-preflight.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { startForeignListener, type ForeignKind, type ForeignListener } from './support/foreign-listeners.js';
import { startTlsTestServer, type TlsTestServer } from './support/tls-server.js';

/*
 * The check a --url server gets before the tutor's own connections: each way
 * it can be wrong is one typed error naming it, and the check itself never
 * changes the server (what it asks inside MULTI is discarded, not run).
 */
let plain: TestServer;
let protectedServer: TestServer;
let admin: Redis;
let tls: TlsTestServer | undefined;
const foreign = {} as Record<ForeignKind, ForeignListener>;

beforeAll(async () => {
  [plain, protectedServer, tls] = await Promise.all([startTestServer(), startTestServer(), startTlsTestServer()]);
  const setup = new Redis({ host: '127.0.0.1', port: protectedServer.port });
  await setup.config('SET', 'requirepass', 's3cret');
  setup.disconnect();
  for (const kind of ['http', 'closes', 'silent', 'ssh'] as const) foreign[kind] = await startForeignListener(kind);
  admin = new Redis({ host: '127.0.0.1', port: plain.port });
  const user = (name: string, ...rules: string[]) => admin.call('ACL', 'SETUSER', name, 'reset', 'on', '>pw', ...rules);
  await user('no-info', '~*', '&*', '+@all', '-info');
  await user('no-setname', '~*', '&*', '+@all', '-client|setname');
  await user('app-keys', '~app:*', '&*', '+@all');
  await user('not-dangerous', '~*', '&*', '+@all', '-@dangerous');
  await user('no-select', '~*', '&*', '+@all', '-select');
  await user('no-multi', '~*', '&*', '+@all', '-multi', '-info');
  await user('everything', '~*', '&*', '+@all');
});

afterAll(async () => {
  admin.disconnect();
  await Promise.all([plain.stop(), protectedServer.stop(), tls?.stop(), ...Object.values(foreign).map((listener) => listener.close())]);
});

const at = (port: number, userInfo = '', scheme = 'redis', db = '') => parseRedisUrl(`${scheme}://${userInfo}127.0.0.1:${port}${db}`);

async function refusal(spec: ReturnType<typeof parseRedisUrl>, timeoutMs?: number): Promise<Error> {
  const error = await preflightUrl(spec, timeoutMs === undefined ? {} : { timeoutMs }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe('preflightUrl: the permissions the tutor needs', () => {
  it.each([
    ['no-info', /does not let user "no-info" run INFO, which redis-tutor needs\.$/, 'ACL SETUSER no-info +info'],
    ['no-setname', /does not let user "no-setname" run CLIENT SETNAME,/, 'ACL SETUSER no-setname +client|setname'],
    ['app-keys', /does not let user "app-keys" use every key,/, 'ACL SETUSER app-keys ~*'],
    ['not-dangerous', /does not let user "not-dangerous" run INFO or FLUSHDB,/, 'ACL SETUSER not-dangerous +info +flushdb'],
  ])('%s: which permission is missing, and what to grant', async (name, message, grant) => {
    const error = await refusal(at(plain.port, `${name}:pw@`));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toMatch(new RegExp(`^Redis at 127\\.0\\.0\\.1:${plain.port} `));
    expect(error.message).toMatch(message);
    expect((error as UserError).nextStep).toContain(grant);
    expect((error as UserError).nextStep).toContain('+@all ~* &*');
  });

  it('a user that may not SELECT the database of the URL', async () => {
    const error = await refusal(at(plain.port, 'no-select:pw@', 'redis', '/2'));
    expect(error.message).toMatch(/does not let user "no-select" run SELECT,/);
  });

  it('a user with every permission passes', async () => {
    await expect(preflightUrl(at(plain.port, 'everything:pw@'))).resolves.toBeUndefined();
    await expect(preflightUrl(at(protectedServer.port, ':s3cret@', 'redis', '/3'))).resolves.toBeUndefined();
  });

  it('runs nothing that writes: keys stay and FLUSHDB and DEL are never called, with or without MULTI', async () => {
    await admin.mset('customer:1', 'alice', 'redis-tutor-permission-check', 'kept');
    await admin.config('RESETSTAT');
    await preflightUrl(at(plain.port));
    await preflightUrl(at(plain.port, 'everything:pw@'));
    // This user cannot MULTI: only what is harmless to run for real is asked, and INFO is still found missing.
    expect((await refusal(at(plain.port, 'no-multi:pw@'))).message).toMatch(/run INFO,/);
    expect(await admin.mget('customer:1', 'redis-tutor-permission-check')).toEqual(['alice', 'kept']);
    const stats = await admin.info('commandstats');
    expect(stats).not.toMatch(/cmdstat_flushdb:calls=[1-9]/);
    expect(stats).not.toMatch(/cmdstat_del:calls=[1-9]/);
    await admin.del('customer:1', 'redis-tutor-permission-check');
  });
});

describe('preflightUrl: passwords and databases', () => {
  it('no password where one is needed', async () => {
    const error = await refusal(at(protectedServer.port));
    expect(error.message).toBe(`Redis at 127.0.0.1:${protectedServer.port} needs a password.`);
    expect((error as UserError).nextStep).toMatch(/redis:\/\/:PASSWORD@host:port .*redis:\/\/USER:PASSWORD@host:port/);
  });

  it.each([
    [':wrong@', /: the password was refused\.$/],
    ['wrong@', /: the password was refused\.$/],
    ['alice:wrong@', /: the password was refused, or user "alice" does not exist or is off\.$/],
  ])('a wrong password (%s) is not "needs a password"', async (userInfo, message) => {
    const error = await refusal(at(protectedServer.port, userInfo));
    expect(error.message).toMatch(new RegExp(`^Redis at 127\\.0\\.0\\.1:${protectedServer.port} refused the user and password given`));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('needs a password');
    expect(error.message).not.toContain('wrong');
    expect((error as UserError).nextStep).toContain(`redis://:PASSWORD@127.0.0.1:${protectedServer.port}`);
  });

  it('a password for a server that has none', async () => {
    const error = await refusal(at(plain.port, ':s3cret@'));
    expect(error.message).toBe(`Redis at 127.0.0.1:${plain.port} has no password, and --url gives one.`);
    expect((error as UserError).nextStep).toBe(`Leave it out: --url redis://127.0.0.1:${plain.port}`);
  });

  it('a database the server does not have', async () => {
    expect((await refusal(at(plain.port, '', 'redis', '/99'))).message).toMatch(/has no database 99\./);
  });
});

describe('preflightUrl: what listens is not the Redis --url says', () => {
  it.each([
    ['http', /did not answer as Redis does \(it sent "HTTP\/1\.1 400 Bad Request"\)\.$/],
    ['closes', /did not answer as Redis does \(it closed the connection\)\.$/],
    ['ssh', /did not answer as Redis does \(it sent "SSH-2\.0-OpenSSH_9\.6"\)\.$/],
    ['silent', /did not answer as Redis does \(it sent nothing in 0\.5 s\)\.$/],
  ] as const)('%s', async (kind, message) => {
    const { port } = foreign[kind];
    const error = await refusal(at(port), 500);
    expect(error.message).toMatch(new RegExp(`^127\\.0\\.0\\.1:${port} `));
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/EPIPE|ECONNRESET|ETIMEDOUT/);
    expect((error as UserError).nextStep).toMatch(/Check the host and port in --url/);
  });

  it('nothing listening: could not connect, as an environment problem', async () => {
    const { port } = await startForeignListener('closes').then(async (listener) => (await listener.close(), listener));
    const error = await refusal(at(port));
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error.message).toMatch(/could not connect to Redis at 127\.0\.0\.1:\d+ \(connect ECONNREFUSED/);
  });

  it('rediss:// to a plain Redis, with and without a password', async () => {
    for (const [port, userInfo] of [[plain.port, ''], [protectedServer.port, ':s3cret@']] as const) {
      const error = await refusal(at(port, userInfo, 'rediss'));
      expect(error.message).toBe(`127.0.0.1:${port} speaks plain Redis, not TLS.`);
      expect((error as UserError).nextStep).toBe(`Use redis:// instead of rediss://: --url redis://127.0.0.1:${port}`);
    }
  });

  it('rediss:// to something that is neither TLS nor Redis', async () => {
    expect((await refusal(at(foreign.http.port, '', 'rediss'))).message).toMatch(/does not speak TLS \(it answered the TLS hello with something else\)/);
    expect((await refusal(at(foreign.closes.port, '', 'rediss'))).message).toMatch(/did not answer as Redis does \(it closed the connection/);
  });

  it('redis:// to a TLS Redis, and rediss:// to one whose certificate is not trusted', async () => {
    // openssl and a redis-server built with TLS are needed to have one.
    if (!tls) throw new Error('the TLS test server did not start');
    const { port } = tls;
    const plainToTls = await refusal(at(port));
    expect(plainToTls.message).toBe(`127.0.0.1:${port} speaks TLS, not plain Redis.`);
    expect((plainToTls as UserError).nextStep).toBe(`Use rediss:// instead of redis://: --url rediss://127.0.0.1:${port}`);
    const untrusted = await refusal(at(port, '', 'rediss'));
    expect(untrusted.message).toMatch(/^the TLS certificate of 127\.0\.0\.1:\d+ is not trusted \(self[- ]signed certificate\)\.$/);
    expect((untrusted as UserError).nextStep).toMatch(/NODE_EXTRA_CA_CERTS=/);
  });
});

describe('connect(): the same words for every connection, and no endless wait', () => {
  it('a port that never answers is given up on', async () => {
    const attempt = connect(at(foreign.silent.port), { name: 'redis-tutor:checker', reconnect: false, connectTimeoutMs: 250 });
    await expect(attempt).rejects.toThrow(/did not answer as Redis does \(it sent nothing in 0\.5 s\)/);
  });

  it.each([
    ['http', /\(it sent "HTTP\/1\.1 400 Bad Request"\)/],
    ['closes', /\(it closed the connection\)/],
  ] as const)('%s: what it is, not write EPIPE', async (kind, message) => {
    const attempt = connect(at(foreign[kind].port), { name: 'redis-tutor:checker', reconnect: false, connectTimeoutMs: 500 });
    await expect(attempt).rejects.toThrow(message);
  });

  it('readServerIdentity for a user without INFO: the permission, not a crash', async () => {
    const redis = new Redis({ host: '127.0.0.1', port: plain.port, username: 'no-info', password: 'pw', enableReadyCheck: false, lazyConnect: true });
    await redis.connect();
    try {
      await expect(readServerIdentity(redis)).rejects.toThrow(UserError);
      await expect(readServerIdentity(redis)).rejects.toThrow(/does not let user "no-info" run INFO/);
    } finally {
      redis.disconnect();
    }
  });

  it('a NOPERM reply nothing caught is rendered as the server\'s refusal, exit 2, not as a bug with a stack', async () => {
    const redis = new Redis({ host: '127.0.0.1', port: plain.port, username: 'no-info', password: 'pw', enableReadyCheck: false, lazyConnect: true });
    await redis.connect();
    const refused: unknown = await redis.info().catch((error: unknown) => error);
    redis.disconnect();
    const rendered = renderError(refused);
    expect(rendered.exitCode).toBe(2);
    expect(rendered.text).toBe(
      "redis-tutor: the Redis server refused a command redis-tutor sent (NOPERM this user has no permissions to run the 'info' command).\n" +
        'Give the user in --url every permission (ACL SETUSER USER +@all ~* &*), or use the default user.\n',
    );
  });
});
