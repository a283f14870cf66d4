/**
 * Where the tutor's Redis lives, however it was obtained. Every part of the
 * tutor that talks to Redis receives one of these from acquireRedis() in
 * ./acquire.ts; nothing else decides how to reach a server.
 */
import type { ServerProduct } from './server-identity.js';

export type TargetKind = 'private' | 'url' | 'docker';

export interface ConnectionSpec {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls: boolean;
}

/** How a redis-server process ended. */
export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * What the tutor may do to the server process itself: the one answer to
 * "can this server be restarted?" for recovery (TUI, grade, validate),
 * persistence exercises and multi-server labs.
 */
export type ServerControl =
  | {
      restartable: true;
      /**
       * A fresh, empty server (same port when free). With keepData: a crash
       * (SIGKILL, nothing saved on the way down) and a start in the same
       * directory, which loads what was saved there.
       */
      restart(options?: { keepData?: boolean }): Promise<void>;
      /** Called when the server exits without the tutor asking (SHUTDOWN, a crash). Returns an unsubscribe. */
      onUnexpectedExit(listener: (exit: ServerExit) => void): () => void;
      /** pid of the current process (changes on restart). */
      readonly pid: number;
      /** SIGKILL now (a memory bomb); the next restart brings it back. */
      kill(): void;
      /** The server's directory holds something a restart with keepData would load (RDB, AOF). */
      hasPersistenceFiles(): boolean;
    }
  | {
      restartable: false;
      /** Why not, for people: "the server at --url is not redis-tutor's to restart". */
      why: string;
    };

/**
 * Whether a server the tutor owns can be had beside this one, for exercises
 * that need FLUSHALL, SAVE or restarts while this server is not the tutor's
 * to change (--url). Owned targets do not need it.
 */
export type OwnedBeside =
  | {
      available: true;
      /** The private server beside this one, started on the first call and stopped by this target's release(). */
      start(): Promise<RedisTarget>;
    }
  | {
      available: false;
      /** Why not, for people: "no redis-server was found". */
      why: string;
    };

export interface RedisTarget {
  kind: TargetKind;
  spec: ConnectionSpec;
  /** Server version as reported by INFO server, e.g. "7.0.15" (redis_version: 7.2.4 on Valkey 8). */
  version: string;
  /** Redis or Valkey, and its own version (from INFO server): what the tutor calls the server. */
  readonly product: ServerProduct;
  /** True when the tutor started this server and may do anything to it (FLUSHALL, CONFIG SET, restart). */
  owned: boolean;
  /** For a server the tutor does not own: an owned one it can start beside it. Absent: none (owned targets need none). */
  readonly ownedBeside?: OwnedBeside;
  /** Whether, and how, the tutor can restart the server process. */
  readonly control: ServerControl;
  /** One line for people, naming the product: "private redis-server 7.0.15 on 127.0.0.1:41234", "Valkey 8.0.1 at redis://host:6379/0 (from --url)". */
  describe(): string;
  /** Stops what the tutor started (private server, container); a no-op for --url. Idempotent. */
  release(): Promise<void>;
}

/** CLIENT SETNAME values; later features (sandbox reset, grading) rely on them. */
export const LEARNER_CLIENT_NAME = 'redis-tutor:learner';
export const CHECKER_CLIENT_NAME = 'redis-tutor:checker';
