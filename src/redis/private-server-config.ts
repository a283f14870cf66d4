import { configLineToArgs } from './config-line-args.js';
import { isRedis7OrNewer } from './server-version.js';

export interface PrivateServerConfigInput {
  /** Version of the binary (from `redis-server --version`): 6.2 and 7.x need different lines. */
  version: string;
  port: number;
  dir: string;
  /** The default user's password (requirepass); the caller makes a random one per server. */
  password: string;
  /** Appended last, so a caller (the grader, a test) can override any default above. */
  extraConfig?: readonly string[];
}

export const PRIVATE_SERVER_MAXMEMORY = '256mb';

/**
 * redis.conf for the private server. Every line has a reason a learner's
 * machine needs it:
 * - loopback only, and a password (requirepass) random per server: other
 *   users of the machine can reach 127.0.0.1 too, and must not get in (the
 *   tutor's own connections carry it in their ConnectionSpec);
 * - no persistence and a throwaway dir: nothing the learner does outlives the session;
 * - DEBUG and MODULE off: DEBUG SEGFAULT/SLEEP and module loading would let an
 *   exercise crash or take over the server;
 * - enable-protected-configs no (7.x): CONFIG SET dir/dbfilename is refused, so
 *   nothing can make the server write outside its dir (graders rely on it);
 * - a memory cap: a runaway loop in an answer fills 256 MB, not the machine.
 */
export function privateServerConfig(input: PrivateServerConfigInput): string {
  const lines = [
    `port ${input.port}`,
    'bind 127.0.0.1',
    'protected-mode yes',
    `requirepass ${quoteConfigValue(input.password)}`,
    `dir ${quoteConfigValue(input.dir)}`,
    'daemonize no',
    'save ""',
    'appendonly no',
    `maxmemory ${PRIVATE_SERVER_MAXMEMORY}`,
    'maxmemory-policy noeviction',
    'loglevel warning',
    'logfile ""',
  ];
  if (isRedis7OrNewer(input.version)) {
    lines.push('enable-debug-command no', 'enable-module-command no', 'enable-protected-configs no');
  } else {
    lines.push('rename-command DEBUG ""', 'rename-command MODULE ""');
  }
  lines.push(...(input.extraConfig ?? []));
  return lines.join('\n') + '\n';
}

/**
 * The password the server will really have: ours, unless a caller's extra
 * line sets requirepass itself (the last one wins, as in redis.conf; `""`
 * means none). What the tutor connects with must be this one.
 */
export function effectivePassword(password: string, extraConfig: readonly string[] = []): string | undefined {
  let effective: string | undefined = password;
  for (const line of extraConfig) {
    const [name, value] = configLineToArgs(line);
    if (name?.toLowerCase() === '--requirepass') effective = value === undefined || value === '' ? undefined : value;
  }
  return effective;
}

/** A value as redis.conf reads it: double quotes with C-style escapes (sdssplitargs). */
export function quoteConfigValue(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, '\\n')}"`;
}
