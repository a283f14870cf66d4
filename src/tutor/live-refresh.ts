import type { Redis } from 'ioredis';
import { execPipeline } from '../engine/checker-pipeline.js';

/** Often enough that a change from another client shows within a blink; one small pipeline per tick is nothing to the server. */
export const LIVE_REFRESH_INTERVAL_MS = 500;

export interface LiveWatch {
  checker: Redis;
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
 * server's data every LIVE_REFRESH_INTERVAL_MS, and the checks and the
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
      const now = await dataFingerprint(watch.checker).catch(() => undefined);
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

/** The counters that move when data changes: writes since the last save (and that save), keys expired or evicted. */
const DATA_COUNTERS = ['rdb_changes_since_last_save', 'rdb_last_save_time', 'expired_keys', 'evicted_keys'];

/**
 * Whether data changed, as one string: the server's own change counters and
 * the number of keys. Read from INFO, not from the keys: a DUMP or TTL of
 * each key would count as keyspace hits and misses and touch the keys' LRU
 * clock, which the monitoring lessons have the learner read.
 */
export async function dataFingerprint(checker: Redis): Promise<string> {
  const [info, size] = await execPipeline(checker, [['INFO', 'persistence', 'stats'], ['DBSIZE']]);
  const text = typeof info === 'string' ? info : '';
  const counters = DATA_COUNTERS.map((name) => new RegExp(`^${name}:(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '?');
  return [...counters, JSON.stringify(size)].join(' ');
}
