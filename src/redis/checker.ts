import type { Redis } from 'ioredis';
import { connect } from './connect.js';
import { CHECKER_CLIENT_NAME, LEARNER_CLIENT_NAME, type ConnectionSpec, type RedisTarget } from './target.js';

/**
 * The tutor's own connection for live checks and grading, named
 * redis-tutor:checker so sandbox resets and CLIENT KILL rules can tell it from
 * the learner's. It reconnects for a while after a drop; commands sent while
 * it is disconnected fail instead of queueing.
 */
export function openChecker(target: RedisTarget): Promise<Redis> {
  return connect(target.spec, { name: CHECKER_CLIENT_NAME, reconnect: true });
}

/** The CLIENT SETNAME value of the learner's connection (the raw RESP prompt). */
export function learnerClientName(): string {
  return LEARNER_CLIENT_NAME;
}

/**
 * What the learner connection sends before the first prompt, in order, as
 * redis-cli -u does (AUTH, SELECT) plus the name. Each entry is one command's arguments.
 */
export function learnerHandshake(spec: ConnectionSpec): string[][] {
  const commands: string[][] = [];
  if (spec.password !== undefined) {
    commands.push(spec.username !== undefined ? ['AUTH', spec.username, spec.password] : ['AUTH', spec.password]);
  }
  if (spec.db !== 0) commands.push(['SELECT', String(spec.db)]);
  commands.push(['CLIENT', 'SETNAME', LEARNER_CLIENT_NAME]);
  return commands;
}
