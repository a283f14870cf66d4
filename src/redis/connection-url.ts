import { UserError } from '../errors.js';
import type { ConnectionSpec } from './target.js';

export const DEFAULT_REDIS_PORT = 6379;

const URL_SHAPE = 'redis://[[user]:password@]host[:port][/db]  (or rediss:// for TLS)';
const MAX_DB_INDEX = 2 ** 31 - 1;

/**
 * Turns `--url` / REDIS_URL into a ConnectionSpec.
 *
 * The user-info part follows redis-cli (the tutor's prompt mimics it), not
 * WHATWG URL conventions: `user:pass@` is a user and a password, `:pass@`
 * is a password for the default user, and a bare `secret@` is a password too.
 */
export function parseRedisUrl(input: string): ConnectionSpec {
  const text = input.trim();
  const fail = (problem: string, nextStep = `Write it as ${URL_SHAPE}, e.g. redis://localhost:6379/0.`): never => {
    throw new UserError(`--url ${JSON.stringify(input)} ${problem}`, nextStep);
  };

  if (text === '') fail('is empty.');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) fail('does not start with redis:// or rediss://.', `Add the scheme: redis://${text}`);
  if (scheme !== 'redis' && scheme !== 'rediss') {
    fail(`uses the scheme ${scheme}://, and redis-tutor only speaks redis:// and rediss:// (TLS).`);
  }

  let url: URL;
  try {
    // WHATWG URL refuses to parse user info for unknown schemes in some shapes; http is parsed the same way otherwise.
    url = new URL(`http${text.slice(scheme.length)}`);
  } catch {
    return fail('is not a valid URL.');
  }
  if (url.search !== '' || url.hash !== '') fail('has ?options or a #fragment, which redis-tutor does not read.');
  if (url.hostname === '') fail('has no host.');

  const port = parsePort(text, url, fail);
  const db = parseDb(url.pathname, fail);
  const { username, password } = parseUserInfo(text, fail);

  const spec: ConnectionSpec = { host: stripIpv6Brackets(url.hostname), port, db, tls: scheme === 'rediss' };
  if (username !== undefined) spec.username = username;
  if (password !== undefined) spec.password = password;
  return spec;
}

/** "host:port", with brackets around IPv6 literals so the port stays readable. */
export function formatAddress(spec: Pick<ConnectionSpec, 'host' | 'port'>): string {
  return spec.host.includes(':') ? `[${spec.host}]:${spec.port}` : `${spec.host}:${spec.port}`;
}

function parsePort(text: string, url: URL, fail: (problem: string) => never): number {
  // URL drops the default http port (80), so read an explicit ":80" from the text itself.
  if (url.port === '') return /^[a-z]+:\/\/(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/]*):80(?:\/|$)/i.test(text) ? 80 : DEFAULT_REDIS_PORT;
  const port = Number(url.port);
  if (port < 1 || port > 65535) fail(`has port ${url.port}, and a port is 1-65535.`);
  return port;
}

function parseDb(pathname: string, fail: (problem: string) => never): number {
  const path = pathname.replace(/^\//, '');
  if (path === '') return 0;
  if (!/^\d+$/.test(path)) return fail(`has the path /${path}, and the path can only be a database number such as /3.`);
  const db = Number(path);
  if (db > MAX_DB_INDEX) fail(`has database number ${path}, which is far too large.`);
  return db;
}

function parseUserInfo(text: string, fail: (problem: string) => never): { username?: string; password?: string } {
  const afterScheme = text.slice(text.indexOf('://') + 3);
  const authority = afterScheme.split('/')[0] ?? '';
  const at = authority.lastIndexOf('@');
  if (at === -1) return {};
  const userInfo = authority.slice(0, at);
  if (userInfo === '') return {};
  const colon = userInfo.indexOf(':');
  const decode = (part: string): string => {
    try {
      return decodeURIComponent(part);
    } catch {
      return fail('has a user or password with a broken %-escape.');
    }
  };
  if (colon === -1) return { password: decode(userInfo) };
  const username = decode(userInfo.slice(0, colon));
  const password = decode(userInfo.slice(colon + 1));
  return { ...(username !== '' ? { username } : {}), password };
}

function stripIpv6Brackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
