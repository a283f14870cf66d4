import { EnvironmentError, UserError } from '../errors.js';
import { formatAddress } from './connection-url.js';
import { describeSentBytes, type ProbeFailure } from './endpoint-probe.js';
import type { ConnectionSpec } from './target.js';

/*
 * What the tutor says when it cannot use the Redis it was pointed at: one
 * line naming what happened at HOST:PORT, and the next step. Every way of
 * connecting (the --url check, the checker, doctor) words it the same.
 */

type Where = Pick<ConnectionSpec, 'host' | 'port' | 'tls'> & Partial<Pick<ConnectionSpec, 'db'>>;

/** The URL shape with this address, for next steps: redis://HOST:PORT (or rediss://). */
function urlOf(spec: Where, scheme: 'redis' | 'rediss' = spec.tls ? 'rediss' : 'redis', userInfo = ''): string {
  const db = spec.db !== undefined && spec.db !== 0 ? `/${spec.db}` : '';
  return `${scheme}://${userInfo}${formatAddress(spec)}${db}`;
}

export function passwordNeededError(spec: Where, cause?: unknown): UserError {
  return new UserError(
    `Redis at ${formatAddress(spec)} needs a password.`,
    'Put it in the URL: --url redis://:PASSWORD@host:port (or redis://USER:PASSWORD@host:port for an ACL user).',
    { cause },
  );
}

export function passwordRefusedError(spec: Where & Pick<ConnectionSpec, 'username'>, cause?: unknown): UserError {
  const who = spec.username === undefined ? 'the password was refused' : `the password was refused, or user "${spec.username}" does not exist or is off`;
  return new UserError(
    `Redis at ${formatAddress(spec)} refused the user and password given: ${who}.`,
    `Check them in --url: ${urlOf(spec, undefined, ':PASSWORD@')} (or ${urlOf(spec, undefined, 'USER:PASSWORD@')}); %-encode @, : and / in them.`,
    { cause },
  );
}

/** A password for the default user of a server that has none: AUTH fails, and every learner connection with it. */
export function passwordNotExpectedError(spec: Where, cause?: unknown): UserError {
  return new UserError(
    `Redis at ${formatAddress(spec)} has no password, and --url gives one.`,
    `Leave it out: --url ${urlOf(spec)}`,
    { cause },
  );
}

export function noDatabaseError(spec: Where & Pick<ConnectionSpec, 'db'>, cause?: unknown): UserError {
  return new UserError(`Redis at ${formatAddress(spec)} has no database ${spec.db}.`, 'Use a smaller number in the URL path (/0 to /15 on a default server).', { cause });
}

/** What a user may not do that the tutor needs: commands (as people write them) and whether every key is allowed. */
export interface MissingPermissions {
  commands: string[];
  /** The user may not read or write every key (~*). */
  keys: boolean;
}

export function missingPermissionError(spec: Where & Pick<ConnectionSpec, 'username'>, missing: MissingPermissions, cause?: unknown): UserError {
  const user = spec.username ?? 'default';
  const parts = [...(missing.commands.length > 0 ? [`run ${joinOr(missing.commands)}`] : []), ...(missing.keys ? ['use every key'] : [])];
  const grants = [...missing.commands.map((command) => `+${command.toLowerCase().replace(' ', '|')}`), ...(missing.keys ? ['~*'] : [])];
  return new UserError(
    `Redis at ${formatAddress(spec)} does not let user "${user}" ${parts.join(' or ')}, which redis-tutor needs.`,
    `Grant ${grants.length === 1 ? 'it' : 'them'} (ACL SETUSER ${user} ${grants.join(' ')}) or put a user with +@all ~* &* (such as default) in --url.`,
    { cause },
  );
}

/**
 * The permission a NOPERM reply names, as missingPermissionError() takes it:
 * "...to run the 'client|setname' command" is CLIENT SETNAME; a key or channel
 * complaint is about keys. Undefined for anything that is not a NOPERM.
 */
export function permissionFromReply(reply: string): MissingPermissions | undefined {
  if (!/^NOPERM\b/.test(reply)) return undefined;
  const command = /'([^']+)' command/.exec(reply)?.[1];
  if (command !== undefined) return { commands: [command.toUpperCase().replace('|', ' ')], keys: false };
  return { commands: [], keys: true };
}

/** The address answered, but not as the Redis of --url should: what it did instead. */
export function endpointError(spec: Where, failure: ProbeFailure): UserError | EnvironmentError {
  const address = formatAddress(spec);
  const checkPort = `Check the host and port in --url (Redis listens on 6379 unless told otherwise): ${urlOf(spec, undefined)}`;
  switch (failure.kind) {
    case 'unreachable':
      return new EnvironmentError(`could not connect to Redis at ${address} (${failure.error.message}).`, 'Check that it is running and reachable, and that --url is right (rediss:// for TLS).', { cause: failure.error });
    case 'speaks-plain':
      return new UserError(`${address} speaks plain Redis, not TLS.`, `Use redis:// instead of rediss://: --url ${urlOf(spec, 'redis')}`);
    case 'speaks-tls':
      return new UserError(`${address} speaks TLS, not plain Redis.`, `Use rediss:// instead of redis://: --url ${urlOf(spec, 'rediss')}`);
    case 'tls-failed':
      return tlsError(address, failure.error);
    case 'not-redis':
      return new UserError(`${address} did not answer as Redis does (it sent "${describeSentBytes(failure.sent)}").`, checkPort);
    case 'closed':
      return new UserError(`${address} did not answer as Redis does (it closed the connection).`, checkPort);
    case 'silent':
      return new EnvironmentError(`${address} did not answer as Redis does (it sent nothing in ${failure.waitedMs / 1000} s).`, checkPort);
  }
}

function tlsError(address: string, error: Error): UserError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME/.test(code)) {
    return new UserError(
      `the TLS certificate of ${address} is not trusted (${error.message}).`,
      'Give Node the CA that signed it: NODE_EXTRA_CA_CERTS=/path/to/ca.pem redis-tutor ...',
      { cause: error },
    );
  }
  const checkPort = 'Check the host and port in --url, and use rediss:// only for a server that speaks TLS.';
  // OpenSSL's own text ("...:SSL routines:ssl3_get_record:wrong version number:...") says this in its words.
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long|http request/i.test(error.message)) {
    return new UserError(`${address} does not speak TLS (it answered the TLS hello with something else).`, checkPort, { cause: error });
  }
  if (code === 'ECONNRESET' || /socket disconnected|ECONNRESET/i.test(error.message)) {
    return new UserError(`${address} did not answer as Redis does (it closed the connection during the TLS handshake).`, checkPort, { cause: error });
  }
  return new UserError(`the TLS handshake with ${address} failed (${code || (error.message.split('\n')[0] ?? '')}).`, checkPort, { cause: error });
}

function joinOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`;
}

/** The server refused a command of the connection handshake for a reason the tutor has no better words for (LOADING, a proxy's rule). */
export function serverRefusedError(spec: Where, command: string, reply: string): EnvironmentError {
  return new EnvironmentError(`Redis at ${formatAddress(spec)} refused ${command} (${reply}).`, 'Check that --url points at the Redis you meant, and try again once it accepts connections.');
}
