import { UserError } from '../errors.js';
import type { ConnectionSpec } from './target.js';

export const DEFAULT_REDIS_PORT = 6379;

const URL_SHAPE = 'redis://[[user]:password@]host[:port][/db]  (or rediss:// for TLS)';
const MAX_DB_INDEX = 2 ** 31 - 1;

type Complaint = (problem: string, nextStep?: string) => UserError;

/**
 * Turns `--url` / REDIS_URL into a ConnectionSpec.
 *
 * The user-info part follows redis-cli (the tutor's prompt mimics it), not
 * WHATWG URL conventions: `user:pass@` is a user and a password, `:pass@`
 * is a password for the default user, and a bare `secret@` is a password too.
 * Both may be %-encoded (a password with '@' or '/' must be).
 */
export function parseRedisUrl(input: string): ConnectionSpec {
  const text = input.trim();
  const bad: Complaint = (problem, nextStep = `Write it as ${URL_SHAPE}, e.g. redis://localhost:6379/0.`) =>
    new UserError(`--url ${JSON.stringify(input)} ${problem}`, nextStep);

  if (text === '') throw bad('is empty.');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme === undefined) throw bad('does not start with redis:// or rediss://.', `Add the scheme: redis://${text}`);
  if (scheme !== 'redis' && scheme !== 'rediss') {
    throw bad(`uses the scheme ${scheme}://, and redis-tutor only speaks redis:// and rediss:// (TLS).`);
  }

  const authority = text.slice(scheme.length + 3).split(/[/?#]/)[0] ?? '';
  const portText = /:(\d+)$/.exec(authority.slice(authority.lastIndexOf('@') + 1))?.[1];
  if (portText !== undefined && (Number(portText) < 1 || Number(portText) > 65535)) {
    throw bad(`has port ${portText}, and a port is 1-65535.`);
  }
  let url: URL;
  try {
    // redis: is a non-special scheme for WHATWG URL: no default port, no host lowercasing.
    url = new URL(`${scheme}${text.slice(scheme.length)}`);
  } catch {
    throw bad('is not a valid URL.');
  }
  if (url.search !== '' || url.hash !== '') throw bad('has ?options or a #fragment, which redis-tutor does not read.');
  if (url.hostname === '') throw bad('has no host.');

  const spec: ConnectionSpec = {
    host: stripIpv6Brackets(url.hostname),
    port: url.port === '' ? DEFAULT_REDIS_PORT : Number(url.port),
    db: parseDb(url.pathname, bad),
    tls: scheme === 'rediss',
  };
  const { username, password } = parseUserInfo(authority, bad);
  if (username !== undefined) spec.username = username;
  if (password !== undefined) spec.password = password;
  return spec;
}

/** "host:port", with brackets around IPv6 literals so the port stays readable. */
export function formatAddress(spec: Pick<ConnectionSpec, 'host' | 'port'>): string {
  return spec.host.includes(':') ? `[${spec.host}]:${spec.port}` : `${spec.host}:${spec.port}`;
}

function parseDb(pathname: string, bad: Complaint): number {
  const path = pathname.replace(/^\//, '');
  if (path === '') return 0;
  if (!/^\d+$/.test(path)) throw bad(`has the path /${path}, and the path can only be a database number such as /3.`);
  const db = Number(path);
  if (db > MAX_DB_INDEX) throw bad(`has database number ${path}, which is far too large.`);
  return db;
}

function parseUserInfo(authority: string, bad: Complaint): { username?: string; password?: string } {
  const at = authority.lastIndexOf('@');
  if (at <= 0) return {};
  const userInfo = authority.slice(0, at);
  const decode = (part: string): string => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw bad('has a user or password with a broken %-escape.');
    }
  };
  const colon = userInfo.indexOf(':');
  if (colon === -1) return { password: decode(userInfo) };
  const username = decode(userInfo.slice(0, colon));
  return { ...(username !== '' ? { username } : {}), password: decode(userInfo.slice(colon + 1)) };
}

function stripIpv6Brackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
