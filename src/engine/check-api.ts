import type { Redis } from 'ioredis';
import type { Value } from './value.js';

// Types only: this module is the package's `redis-tutor/check-api` export, and a check
// runs from its course folder, where `redis-tutor` need not resolve at run time.
export type { ErrorValue, Value, ValueMap } from './value.js';

/**
 * The API a `js` check receives (exercises/README.md, "JavaScript: js").
 * Kept small and stable: course authors write against it.
 */
export interface CheckApi {
  /** An ioredis connection of the tutor's, on the exercise's database. */
  redis: Redis;
  /** The learner's commands, each as its argument list: `[['SET', 'k', 'v'], ['GET', 'k']]`. */
  commands: readonly (readonly string[])[];
  /** Runs a redis-cli line on the tutor's connection; the reply as a plain value (errors are returned, not thrown). */
  run(line: string): Promise<Value>;
}

/**
 * A text a js check returns for expected / found: one string (shown as is in
 * both languages), or `{ en, ru }` like the course's texts (`ru` falls back to `en`).
 */
export type CheckApiText = string | { en: string; ru?: string };

/** What a js check returns: a boolean, or a verdict with what was expected and found. */
export type CheckApiResult = boolean | { passed: boolean; expected?: CheckApiText; found?: CheckApiText };

/** A check module's default export. */
export type CheckFunction = (api: CheckApi) => CheckApiResult | Promise<CheckApiResult>;
