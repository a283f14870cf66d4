import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { assertSafeToReset, releaseClaim } from '../redis/ownership.js';
import { CHECKER_CLIENT_NAME, LEARNER_CLIENT_NAME, type RedisTarget } from '../redis/target.js';
import { normalizedRules, parseAclLine, restoreUserCommand, type AclUser } from './acl-rules.js';
import { execPipeline } from './checker-pipeline.js';
import type { CheckerCommand } from './checks/compiled-check.js';
import { parseClientList } from './client-list.js';
import { pairsToMap } from './compare-values.js';
import { isErrorValue, isValueMap, type Value } from './value.js';

/** What one reset did, for timing reports and for tests. */
export interface ResetReport {
  ms: number;
  restoredConfig: string[];
  deletedUsers: string[];
  restoredUsers: string[];
  killedClients: number;
  /** Restores the server refused (each names what stayed changed). */
  problems: string[];
  /** The server was restarted fresh because persistence files (SAVE, AOF, `!restart`) would otherwise come back. */
  restartedServer?: boolean;
}

export interface SandboxOptions {
  /** --force: reset a --url database that holds keys the tutor did not create. */
  force?: boolean;
  /** Where ownership claims are kept (tests point it at a temporary file). */
  ownershipFile?: string;
}

interface Baseline {
  config: Map<string, string>;
  users: Map<string, AclUser>;
  functionLibraries: Set<string>;
}

/**
 * Each exercise starts clean and nothing leaks into the next. The sandbox
 * remembers how the server was when the tutor arrived (config, ACL users,
 * function libraries) and puts it back: keys flushed, learner-made users
 * deleted, changed users and config restored, scripts and functions flushed,
 * stray learner connections closed.
 *
 * On a server the tutor started, everything goes. On a --url server, only
 * what is the tutor's or the learner's: FLUSHDB of the database its session
 * holds, looked up before every reset (see ../redis/ownership.ts), only
 * redis-tutor connections, only function libraries that were not there before.
 */
export class Sandbox {
  private constructor(
    private readonly target: RedisTarget,
    private readonly checker: Redis,
    private readonly baseline: Baseline,
    private readonly options: SandboxOptions,
  ) {}

  /** Takes the baseline; call after the tutor's own ACL user exists so it is part of it. */
  static async open(target: RedisTarget, checker: Redis, options: SandboxOptions = {}): Promise<Sandbox> {
    // Refuse up front, once, with the reason and the way out (--force), rather than failing every exercise later.
    if (!target.owned) await assertOwnership(target, checker, options);
    const [config, users, libraries] = await execPipeline(checker, [['CONFIG', 'GET', '*'], ['ACL', 'LIST'], ['FUNCTION', 'LIST']]);
    const baseline: Baseline = {
      config: configMap(config ?? null),
      users: aclUsers(users ?? null),
      functionLibraries: libraryNames(libraries ?? null),
    };
    return new Sandbox(target, checker, baseline, options);
  }

  /**
   * Puts the server back to the baseline. `keepClientIds` are connections to
   * leave open (the learner's, which the caller resets itself afterwards).
   */
  async reset(keepClientIds: readonly number[] = []): Promise<ResetReport> {
    const started = performance.now();
    if (!this.target.owned) await assertOwnership(this.target, this.checker, this.options);
    const [config, users, clients, libraries] = await execPipeline(this.checker, [
      ['CONFIG', 'GET', '*'],
      ['ACL', 'LIST'],
      ['CLIENT', 'LIST'],
      ['FUNCTION', 'LIST'],
    ]);

    const configRestores = this.configRestores(configMap(config ?? null));
    const { deleted, restored, commands: userCommands } = this.userRestores(aclUsers(users ?? null));
    const kills = this.clientsToKill(typeof clients === 'string' ? clients : '', keepClientIds);
    const commands: CheckerCommand[] = [
      ...configRestores.map(([name, value]) => ['CONFIG', 'SET', name, value]),
      ...userCommands,
      ...this.flushCommands(libraryNames(libraries ?? null)),
      ...kills.map((id) => ['CLIENT', 'KILL', 'ID', id]),
    ];
    const replies = await execPipeline(this.checker, commands);

    const problems = replies.flatMap((reply, i) => (isErrorValue(reply) ? [`${commands[i]?.slice(0, 3).join(' ')}: ${reply.message}`] : []));
    return {
      ms: performance.now() - started,
      restoredConfig: configRestores.map(([name]) => name),
      deletedUsers: deleted,
      restoredUsers: restored,
      killedClients: kills.length,
      problems,
    };
  }

  /**
   * The session is over. On a --url server the tutor notes what it leaves in
   * its database, so the next session can tell those keys from ones added
   * since (../redis/ownership.ts). Never throws: a server that is gone
   * leaves no note, and the next session is careful instead.
   */
  async release(): Promise<void> {
    if (this.target.owned) return;
    await releaseClaim(this.target, {
      connection: this.checker,
      ...(this.options.ownershipFile !== undefined ? { recordFile: this.options.ownershipFile } : {}),
    }).catch(() => undefined);
  }

  /** What differs from the baseline right now: keys, ACL users, config, function libraries. Empty when clean. */
  async leftovers(): Promise<string[]> {
    const [keyspace, dbsize, config, users, libraries] = await execPipeline(this.checker, [
      ['INFO', 'keyspace'],
      ['DBSIZE'],
      ['CONFIG', 'GET', '*'],
      ['ACL', 'LIST'],
      ['FUNCTION', 'LIST'],
    ]);
    const found: string[] = [];
    if (this.target.owned) {
      const databases = (typeof keyspace === 'string' ? keyspace : '').split('\n').filter((line) => /^db\d+:keys=/.test(line));
      if (databases.length > 0) found.push(`keys left: ${databases.map((line) => line.trim()).join('; ')}`);
    } else if (typeof dbsize === 'number' && dbsize > 0) {
      found.push(`${dbsize} key(s) left in database ${this.target.spec.db}`);
    }
    const changedConfig = this.configRestores(configMap(config ?? null)).map(([name]) => name);
    if (changedConfig.length > 0) found.push(`config changed: ${changedConfig.join(', ')}`);
    const { deleted, restored } = this.userRestores(aclUsers(users ?? null));
    if (deleted.length > 0) found.push(`ACL users left: ${deleted.join(', ')}`);
    if (restored.length > 0) found.push(`ACL users changed: ${restored.join(', ')}`);
    const extraLibraries = [...libraryNames(libraries ?? null)].filter((name) => !this.baseline.functionLibraries.has(name));
    if (extraLibraries.length > 0) found.push(`function libraries left: ${extraLibraries.join(', ')}`);
    return found;
  }

  private configRestores(current: Map<string, string>): Array<[string, string]> {
    const restores: Array<[string, string]> = [];
    for (const [name, value] of this.baseline.config) {
      if (current.has(name) && current.get(name) !== value) restores.push([name, value]);
    }
    return restores;
  }

  private userRestores(current: Map<string, AclUser>): { deleted: string[]; restored: string[]; commands: CheckerCommand[] } {
    const deleted = [...current.keys()].filter((name) => !this.baseline.users.has(name));
    const restored: string[] = [];
    const commands: CheckerCommand[] = [];
    if (deleted.length > 0) commands.push(['ACL', 'DELUSER', ...deleted]);
    for (const [name, user] of this.baseline.users) {
      const now = current.get(name);
      if (!now || normalizedRules(now) !== normalizedRules(user)) {
        restored.push(name);
        commands.push(restoreUserCommand(user));
      }
    }
    return { deleted, restored, commands };
  }

  private flushCommands(libraries: Set<string>): CheckerCommand[] {
    if (this.target.owned) {
      return [['FLUSHALL'], ['SCRIPT', 'FLUSH'], ['FUNCTION', 'FLUSH'], ['ACL', 'LOG', 'RESET'], ['SLOWLOG', 'RESET']];
    }
    // A shared server: its script cache and other libraries may be someone else's.
    const added = [...libraries].filter((name) => !this.baseline.functionLibraries.has(name));
    return [['FLUSHDB'], ...added.map((name) => ['FUNCTION', 'DELETE', name])];
  }

  private clientsToKill(clientList: string, keep: readonly number[]): string[] {
    return parseClientList(clientList)
      .filter((client) => {
        const id = Number(client.id);
        if (keep.includes(id) || client.name === CHECKER_CLIENT_NAME) return false;
        // A lab's replication links and sentinels (flags S, names sentinel-*) are the topology, not the learner's.
        if ((client.flags ?? '').includes('S') || (client.name ?? '').startsWith('sentinel-')) return false;
        // On a shared server only connections the tutor gave the learner are ours to close.
        return this.target.owned || (client.name ?? '').startsWith(LEARNER_CLIENT_NAME);
      })
      .map((client) => String(client.id));
  }
}

function configMap(reply: Value): Map<string, string> {
  const map = Array.isArray(reply) ? pairsToMap(reply) : reply !== null && isValueMap(reply) ? reply : undefined;
  // CONFIG GET answers with text only, in RESP2 and RESP3.
  return new Map(Object.entries(map ?? {}).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
}

function aclUsers(reply: Value): Map<string, AclUser> {
  const users = new Map<string, AclUser>();
  if (!Array.isArray(reply)) return users;
  for (const line of reply) {
    const user = typeof line === 'string' ? parseAclLine(line) : undefined;
    if (user) users.set(user.name, user);
  }
  return users;
}

function libraryNames(reply: Value): Set<string> {
  const names = new Set<string>();
  if (!Array.isArray(reply)) return names;
  for (const library of reply) {
    const fields = Array.isArray(library) ? pairsToMap(library) : undefined;
    const name = fields?.library_name;
    if (typeof name === 'string') names.add(name);
  }
  return names;
}

function assertOwnership(target: RedisTarget, checker: Redis, options: SandboxOptions): Promise<void> {
  return assertSafeToReset(target, {
    connection: checker,
    ...(options.force !== undefined ? { force: options.force } : {}),
    ...(options.ownershipFile !== undefined ? { recordFile: options.ownershipFile } : {}),
  });
}
