/**
 * Where the tutor's Redis lives, however it was obtained. Every part of the
 * tutor that talks to Redis receives one of these from acquireRedis() in
 * ./acquire.ts; nothing else decides how to reach a server.
 */
export type TargetKind = 'private' | 'url' | 'docker';

export interface ConnectionSpec {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls: boolean;
}

export interface RedisTarget {
  kind: TargetKind;
  spec: ConnectionSpec;
  /** Server version as reported by INFO server, e.g. "7.0.15". */
  version: string;
  /** True when the tutor started this server and may do anything to it (FLUSHALL, CONFIG SET, restart). */
  owned: boolean;
  /** One line for people: "private redis-server 7.0.15 on 127.0.0.1:41234". */
  describe(): string;
  /** Stops what the tutor started (private server, container); a no-op for --url. Idempotent. */
  release(): Promise<void>;
}

/** CLIENT SETNAME values; later features (sandbox reset, grading) rely on them. */
export const LEARNER_CLIENT_NAME = 'redis-tutor:learner';
export const CHECKER_CLIENT_NAME = 'redis-tutor:checker';
