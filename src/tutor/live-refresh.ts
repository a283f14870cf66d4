import type { Redis } from 'ioredis';
import { execPipeline } from '../engine/checker-pipeline.js';

/** Often enough that a change from another client shows within a blink; one small pipeline per tick is nothing to the server. */
export const LIVE_REFRESH_INTERVAL_MS = 500;

export interface LiveWatch {
  checker: Redis;
  /** The keys whose state the checklist and the panel show. */
  keys: () => readonly string[];
  /** The exercise screen waits for the learner (no line running, not in subscribe or monitor mode): only then is the server read. */
  idle: () => boolean;
  /** Still the exercise on screen: when not, the watch ends by itself. */
  current: () => boolean;
  /** The data changed: check again and read the panel again. */
  refresh: () => Promise<void>;
}

/**
 * Notices changes made by any client (a second redis-cli, the learner's own
 * program) while the learner is not typing: a cheap fingerprint of the
 * exercise's keys every LIVE_REFRESH_INTERVAL_MS, and the checks and the
 * panel again only when it changed. A poll, not keyspace notifications: those
 * would change the settings of a server the tutor may not own.
 */
export class LiveRefresh {
  private watching: LiveWatch | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** Follows a new attempt; the previous watch ends. */
  watch(watch: LiveWatch): void {
    this.stop();
    this.watching = watch;
    this.schedule(watch, undefined);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.watching = undefined;
  }

  private schedule(watch: LiveWatch, last: string | undefined): void {
    this.timer = setTimeout(() => void this.tick(watch, last), LIVE_REFRESH_INTERVAL_MS);
    // The tutor quits when the learner does, whatever the poll is about to do.
    this.timer.unref();
  }

  private async tick(watch: LiveWatch, last: string | undefined): Promise<void> {
    if (this.watching !== watch) return;
    if (!watch.current()) {
      this.stop();
      return;
    }
    let seen = last;
    if (watch.idle()) {
      const now = await dataFingerprint(watch.checker, watch.keys()).catch(() => undefined);
      // A failed read (the server restarting) compares as no change; the next tick reads again.
      // The first read has nothing to compare with: a change made since the exercise opened must not slip through.
      if (now !== undefined) {
        if (now !== last && watch.current() && watch.idle()) await watch.refresh().catch(() => undefined);
        seen = now;
      }
    }
    if (this.watching === watch) this.schedule(watch, seen);
  }
}

/**
 * What the keys hold, as one string: each key's serialized value (DUMP) and
 * absolute expiry (EXPIRETIME, so a TTL counting down is no change), and the
 * number of keys (DBSIZE) for keys the tutor does not list.
 */
export async function dataFingerprint(checker: Redis, keys: readonly string[]): Promise<string> {
  const commands = [['DBSIZE'], ...keys.flatMap((key) => [['DUMP', key], ['EXPIRETIME', key]])];
  const replies = await execPipeline(checker, commands);
  return JSON.stringify(replies);
}
