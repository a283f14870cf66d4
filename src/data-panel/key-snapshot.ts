/** What the panel knows about one key at one moment, read by the tutor's checker connection. */
export type KeySnapshot =
  | (SnapshotBase & { type: 'none' })
  | (SnapshotBase & { type: 'string'; value: string; length: number })
  | (SnapshotBase & { type: 'list'; items: string[]; length: number })
  | (SnapshotBase & { type: 'set'; members: string[]; size: number })
  | (SnapshotBase & { type: 'hash'; fields: Array<[string, string]>; size: number })
  | (SnapshotBase & { type: 'zset'; entries: Array<[string, number]>; size: number })
  | (SnapshotBase & { type: 'stream'; entries: StreamEntry[]; length: number })
  | (SnapshotBase & { type: 'other'; redisType: string });

interface SnapshotBase {
  key: string;
  /** PTTL at `fetchedAt`: -1 no expiry, -2 no key. */
  pttl: number;
  /** Date.now() when it was read, so a countdown can be shown without asking again. */
  fetchedAt: number;
}

export interface StreamEntry {
  id: string;
  fields: Array<[string, string]>;
}

/** How much of a big key is read: the panel shows a picture, not the data. */
export interface SnapshotLimits {
  items: number;
  stringBytes: number;
  streamEntries: number;
}

export const DEFAULT_LIMITS: SnapshotLimits = { items: 24, stringBytes: 256, streamEntries: 4 };
