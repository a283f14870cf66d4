import type { TutorError } from '../errors.js';
import {
  endpointError,
  serverRefusedError,
  missingPermissionError,
  noDatabaseError,
  passwordNeededError,
  passwordNotExpectedError,
  passwordRefusedError,
  permissionFromReply,
  type MissingPermissions,
} from './connection-errors.js';
import { openProbe, type ProbeSession } from './endpoint-probe.js';
import { CHECKER_CLIENT_NAME, type ConnectionSpec } from './target.js';

/*
 * Before the tutor's own connections are made to a --url server, one raw
 * conversation checks what they will need, so every way it can go wrong is
 * named at start-up in one line (and ioredis never meets a server it would
 * print warnings about or wait on forever):
 *   1. something answers at HOST:PORT, as Redis, in the protocol the scheme says;
 *   2. the password (or its absence) and the database are accepted;
 *   3. the user may run what the tutor sends with it.
 */

/**
 * What the tutor runs as the --url user, and why. Checked inside MULTI: each
 * command is only queued, so the server checks its permissions without
 * running it, and the transaction is discarded. `harmless` ones may run for
 * real when a server (or proxy) does not queue them.
 */
const NEEDED: ReadonlyArray<{ command: readonly string[]; name: string; harmless: boolean }> = [
  // The version (is it new enough?) and run_id (the key of its ownership record).
  { command: ['INFO', 'server'], name: 'INFO', harmless: true },
  // Names the tutor's and the learner's connections, so resets close only the learner's.
  { command: ['CLIENT', 'SETNAME', CHECKER_CLIENT_NAME], name: 'CLIENT SETNAME', harmless: true },
  // Ownership: is the database empty, and which keys did the tutor leave?
  { command: ['DBSIZE'], name: 'DBSIZE', harmless: true },
  { command: ['SCAN', '0', 'COUNT', '1'], name: 'SCAN', harmless: true },
  // Exercises make keys of every name: a read and a write of one a user is unlikely to have been given by pattern.
  { command: ['EXISTS', 'redis-tutor-permission-check'], name: 'EXISTS', harmless: true },
  { command: ['DEL', 'redis-tutor-permission-check'], name: 'DEL', harmless: false },
  // The sandbox reset between exercises.
  { command: ['FLUSHDB'], name: 'FLUSHDB', harmless: false },
];

/** Throws the TutorError that says what is wrong with the --url server for the tutor; resolves when nothing is. */
export async function preflightUrl(spec: ConnectionSpec, options: { timeoutMs?: number } = {}): Promise<void> {
  const opened = await openProbe(spec, options);
  if (!opened.ok) throw endpointError(spec, opened.failure);
  const session = opened.value;
  try {
    await checkLogin(session, spec);
    const missing = await missingPermissions(session, spec);
    if (missing.commands.length > 0 || missing.keys) throw missingPermissionError(spec, missing);
  } finally {
    session.close();
  }
}

async function checkLogin(session: ProbeSession, spec: ConnectionSpec): Promise<void> {
  const commands: string[][] = [];
  if (spec.password !== undefined) commands.push(spec.username !== undefined ? ['AUTH', spec.username, spec.password] : ['AUTH', spec.password]);
  if (spec.db !== 0) commands.push(['SELECT', String(spec.db)]);
  commands.push(['PING']);
  const replies = await exchange(session, spec, commands);
  // The first refusal explains the rest: after a wrong password, SELECT and PING say NOAUTH too.
  const failed = replies.findIndex((reply) => reply.startsWith('-'));
  if (failed >= 0) throw loginError(spec, commands[failed]?.[0] ?? '', (replies[failed] ?? '').slice(1));
}

function loginError(spec: ConnectionSpec, command: string, reply: string): TutorError {
  if (/^WRONGPASS|invalid password|invalid username-password/i.test(reply)) return passwordRefusedError(spec);
  if (/without any password configured|no password is set/i.test(reply)) return passwordNotExpectedError(spec);
  if (/^NOAUTH|Authentication required/i.test(reply)) return passwordNeededError(spec);
  const permission = permissionFromReply(reply);
  if (permission) return missingPermissionError(spec, permission);
  if (command === 'SELECT' && /DB index is out of range|invalid DB index/i.test(reply)) return noDatabaseError(spec);
  // LOADING, a proxy's own refusal...: the server's words are the best explanation there is.
  return serverRefusedError(spec, command, reply);
}

async function missingPermissions(session: ProbeSession, spec: ConnectionSpec): Promise<MissingPermissions> {
  const missing: MissingPermissions = { commands: [], keys: false };
  const note = (name: string, reply: string | undefined) => {
    if (reply === undefined || !reply.startsWith('-')) return;
    const permission = permissionFromReply(reply.slice(1));
    // Only what the server refuses this user; other errors (a cluster's MOVED, a syntax quirk) are not about permissions.
    if (permission?.keys) missing.keys = true;
    else if ((permission || /^-ERR unknown command/i.test(reply)) && !missing.commands.includes(name)) missing.commands.push(name);
  };
  const harmless = NEEDED.filter((entry) => entry.harmless);
  const rest = NEEDED.filter((entry) => !entry.harmless);

  const [multi] = await exchange(session, spec, [['MULTI']]);
  const first = await exchange(session, spec, harmless.map((entry) => entry.command));
  harmless.forEach((entry, index) => note(entry.name, first[index]));
  // Sent only once the server has shown it queues rather than runs: a real INFO reply means it ran them.
  const queues = multi === '+OK' && first.every((reply) => reply === '+QUEUED' || reply.startsWith('-'));
  if (!queues) return missing;
  const second = await exchange(session, spec, [...rest.map((entry) => entry.command), ['DISCARD']]);
  rest.forEach((entry, index) => note(entry.name, second[index]));
  return missing;
}

async function exchange(session: ProbeSession, spec: ConnectionSpec, commands: ReadonlyArray<readonly string[]>): Promise<string[]> {
  const answer = await session.exchange(commands);
  if (!answer.ok) throw endpointError(spec, answer.failure);
  return answer.value;
}
