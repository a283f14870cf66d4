/**
 * Everything doctor learns about the machine, gathered once (./gather-facts.ts)
 * and then judged by pure functions (./diagnose.ts). Keeping the facts as data
 * lets the judgement be table-tested without faking a machine.
 */
import type { ColourCause } from './texts/doctor-texts.js';
import type { PythonFacts } from '../programs/interpreters.js';
import type { ServerKind } from '../redis/server-identity.js';

export type RedisServerFact =
  /** `kind`: what `--version` says the binary is (absent: Redis); `version` is that product's own. */
  | { state: 'found'; path: string; source: 'option' | 'env' | 'path'; version: string; kind?: ServerKind }
  | { state: 'unrunnable'; path: string; source: 'option' | 'env' | 'path'; reason: string }
  /** --redis-server / REDIS_SERVER_BIN names something that is not an executable file. */
  | { state: 'bad-choice'; origin: string; given: string }
  | { state: 'missing' };

export type RedisCliFact = { state: 'found'; path: string; version: string | undefined } | { state: 'missing' };

export type DockerFact =
  | { state: 'answering'; path: string; serverVersion: string }
  | { state: 'no-engine'; path: string; reason: string }
  | { state: 'missing' };

export type UrlFact =
  | { state: 'not-given' }
  /** Bad URL, refused password, nothing listening...: message and next step from the tutor's own errors. */
  | { state: 'unreachable'; url: string; message: string; nextStep: string | undefined }
  | {
      state: 'reachable';
      url: string;
      /** "host:port/db", without credentials. */
      where: string;
      db: number;
      /** The product's own version: valkey_version on Valkey (INFO server), else redis_version. */
      version: string;
      /** Absent: Redis. */
      kind?: ServerKind;
      /** redis_version, which Valkey keeps at the Redis it is compatible with (7.2.4); absent when it is `version`. */
      redisVersion?: string;
      keys: number;
      /** The ownership rule (src/redis/ownership.ts) lets the tutor reset this database. */
      mayReset: boolean;
    };

export interface TerminalFact {
  platform: NodeJS.Platform;
  stdinTty: boolean;
  stdoutTty: boolean;
  columns: number | undefined;
  rows: number | undefined;
  colour: ColourDecision;
  /** The first of LC_ALL, LC_CTYPE, LANG that is set, with its name. */
  locale: { variable: string; value: string } | undefined;
}

export interface ColourDecision {
  enabled: boolean;
  /** The same as `reason`, for the texts of other languages (absent in facts made by hand). */
  cause?: ColourCause;
  /** Why, for people: "NO_COLOR is set", "stdout is not a terminal"... */
  reason: string;
}

export type ProgressFact =
  | { state: 'exists'; file: string; fromEnv: boolean; readable: boolean; writable: boolean }
  /** No file yet: `creatableIn` is the nearest existing folder, writable or not. */
  | { state: 'absent'; file: string; fromEnv: boolean; creatableIn: string; writable: boolean };

export type CourseFact =
  | { state: 'loaded'; dir: string; modules: number; exercises: number; errors: string[]; warnings: number }
  | { state: 'unreadable'; dir: string; message: string };

/** What runs program answers: which Python and Node.js (`origin`: --python/--node, the variable, or the default), and their client libraries. */
export interface ProgramsFact {
  python: { path: string; origin: 'option' | 'env' | 'default'; facts: PythonFacts };
  node: { path: string; origin: 'option' | 'env' | 'default'; version: string | undefined; failure: string | undefined };
  /** The tutor's own ioredis, which JavaScript answers import; undefined if the install lacks it. */
  ioredis: string | undefined;
}

export interface DoctorFacts {
  nodeVersion: string;
  redisServer: RedisServerFact;
  redisCli: RedisCliFact;
  docker: DockerFact;
  url: UrlFact;
  terminal: TerminalFact;
  progress: ProgressFact;
  course: CourseFact;
  /** Absent when doctor was not asked about program answers (facts made in tests). */
  programs?: ProgramsFact;
}
