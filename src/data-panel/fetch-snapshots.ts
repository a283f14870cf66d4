import type { Redis } from 'ioredis';
import { execPipeline } from '../engine/checker-pipeline.js';
import type { Value } from '../engine/value.js';
import { DEFAULT_LIMITS, type KeySnapshot, type SnapshotLimits, type StreamEntry } from './key-snapshot.js';

type Command = string[];

/**
 * Reads the keys in two pipelines (two round trips whatever the number of
 * keys): TYPE and PTTL first, then a bounded read chosen by type. A million
 * items cost the same as ten: only `limits.items` are ever fetched.
 */
export async function fetchSnapshots(checker: Redis, keys: readonly string[], limits: SnapshotLimits = DEFAULT_LIMITS): Promise<KeySnapshot[]> {
  if (keys.length === 0) return [];
  const first = await execPipeline(checker, keys.flatMap((key) => [['TYPE', key], ['PTTL', key]]));
  const fetchedAt = Date.now();
  const types = keys.map((_, i) => text(first[i * 2]));
  const pttls = keys.map((_, i) => num(first[i * 2 + 1]));
  const plans = keys.map((key, i) => readPlan(key, types[i] ?? 'none', limits));
  const second = await execPipeline(checker, plans.flat());
  let offset = 0;
  return keys.map((key, i) => {
    const count = plans[i]?.length ?? 0;
    const replies = second.slice(offset, offset + count);
    offset += count;
    return toSnapshot(key, types[i] ?? 'none', pttls[i] ?? -2, fetchedAt, replies, limits);
  });
}

function readPlan(key: string, type: string, limits: SnapshotLimits): Command[] {
  const n = String(limits.items);
  switch (type) {
    case 'string':
      return [['GETRANGE', key, '0', String(limits.stringBytes - 1)], ['STRLEN', key]];
    case 'list':
      return [['LRANGE', key, '0', String(limits.items - 1)], ['LLEN', key]];
    case 'set':
      // Distinct members, at most n; sorted below so the picture does not jump around.
      return [['SRANDMEMBER', key, n], ['SCARD', key]];
    case 'hash':
      return [['HRANDFIELD', key, n, 'WITHVALUES'], ['HLEN', key]];
    case 'zset':
      return [['ZRANGE', key, '0', String(limits.items - 1), 'WITHSCORES'], ['ZCARD', key]];
    case 'stream':
      return [['XREVRANGE', key, '+', '-', 'COUNT', String(limits.streamEntries)], ['XLEN', key]];
    default:
      return [];
  }
}

function toSnapshot(key: string, type: string, pttl: number, fetchedAt: number, replies: Value[], limits: SnapshotLimits): KeySnapshot {
  const base = { key, pttl, fetchedAt };
  const [data, size] = replies;
  switch (type) {
    case 'none':
      return { ...base, type: 'none' };
    case 'string':
      return { ...base, type: 'string', value: text(data), length: num(size) };
    case 'list':
      return { ...base, type: 'list', items: strings(data), length: num(size) };
    case 'set':
      return { ...base, type: 'set', members: strings(data).sort(naturalCompare), size: num(size) };
    case 'hash':
      return { ...base, type: 'hash', fields: pairs(strings(data)).sort(([a], [b]) => naturalCompare(a, b)), size: num(size) };
    case 'zset':
      return { ...base, type: 'zset', entries: pairs(strings(data)).map(([member, score]) => [member, Number(score)]), size: num(size) };
    case 'stream':
      return { ...base, type: 'stream', entries: streamEntries(data).reverse().slice(-limits.streamEntries), length: num(size) };
    default:
      return { ...base, type: 'other', redisType: type };
  }
}

function text(value: Value | undefined): string {
  if (typeof value === 'string') return value;
  // A nested list or map is not a field's text.
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function num(value: Value | undefined): number {
  const n = typeof value === 'number' ? value : Number(text(value));
  return Number.isFinite(n) ? n : 0;
}

function strings(value: Value | undefined): string[] {
  return Array.isArray(value) ? value.map((item) => text(item)) : [];
}

function pairs(flat: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i] as string, flat[i + 1] as string]);
  return out;
}

function streamEntries(value: Value | undefined): StreamEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!Array.isArray(entry)) return [];
    const [id, fields] = entry;
    return [{ id: text(id), fields: pairs(strings(fields)) }];
  });
}

/** `item:2` before `item:10`. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * The keys each learner command touched, as the server sees them
 * (COMMAND GETKEYS), in one pipeline. Commands without keys are skipped.
 */
export async function touchedKeys(checker: Redis, commands: readonly string[][]): Promise<string[]> {
  if (commands.length === 0) return [];
  const replies = await execPipeline(checker, commands.map((args) => ['COMMAND', 'GETKEYS', ...args]));
  const keys: string[] = [];
  for (const reply of replies) if (Array.isArray(reply)) for (const key of reply) keys.push(text(key));
  return keys;
}
