import type { KeyCheck, KeyType, Scalar } from '../../course/schema.js';
import { asNumber, pairsToMap, valuesEqual } from '../compare-values.js';
import { compareNumber, describeComparison, sameMembers } from '../expectations.js';
import { formatValue } from '../format-value.js';
import { verbatim, type BilingualText, type Verdict } from '../../results/check-result.js';
import { EXPECT, KEY } from '../texts.js';
import { isErrorValue, type Value } from '../value.js';
import type { CheckerCommand, CompiledCheck } from './compiled-check.js';

const LENGTH_COMMAND: Record<KeyType, string> = {
  string: 'STRLEN',
  list: 'LLEN',
  set: 'SCARD',
  zset: 'ZCARD',
  hash: 'HLEN',
  stream: 'XLEN',
};

/** Replies by purpose, so judging never depends on the order commands were queued. */
type Replies = Map<string, Value>;

interface Part {
  command?: { name: string; args: CheckerCommand };
  judge(replies: Replies, keyType: string): Verdict;
}

/**
 * `key` + shorthands. Every shorthand becomes at most a couple of commands
 * in the shared pipeline, plus one TYPE that explains failures ("the key is a
 * list", "the key does not exist").
 */
export function compileKeyCheck(check: KeyCheck): CompiledCheck {
  const key = check.key;
  const parts = keyParts(check);
  const queued: Array<{ name: string; args: CheckerCommand }> = [{ name: 'type', args: ['TYPE', key] }];
  for (const part of parts) {
    if (part.command && !queued.some((entry) => entry.name === part.command?.name)) queued.push(part.command);
  }
  const lengthCommands = check.length !== undefined ? lengthCommandsFor(check) : [];
  queued.push(...lengthCommands);
  return {
    check,
    commands: () => queued.map((entry) => entry.args),
    judge(replies) {
      const byName: Replies = new Map(queued.map((entry, i) => [entry.name, replies[i] ?? null]));
      const typeReply = byName.get('type');
      const keyType = typeof typeReply === 'string' ? typeReply : 'none';
      for (const part of parts) {
        const verdict = part.judge(byName, keyType);
        if (!verdict.passed) return verdict;
      }
      return { passed: true };
    },
  };
}

function keyParts(check: KeyCheck): Part[] {
  const { key } = check;
  const parts: Part[] = [];
  const missing = (keyType: string) => keyType === 'none';
  /** Found text for a reply that is not what was wanted: says why when the key is missing or of another type. */
  const found = (value: Value | undefined, keyType: string, wantedType?: KeyType): BilingualText => {
    if (missing(keyType)) return KEY.missing;
    if (wantedType !== undefined && keyType !== wantedType) return KEY.isA(keyType);
    if (value !== undefined && isErrorValue(value)) return verbatim(`(error) ${value.message}`);
    return verbatim(formatValue(value));
  };

  if (check.exists !== undefined) {
    const wanted = check.exists;
    parts.push({
      judge: (_r, keyType) =>
        missing(keyType) === !wanted
          ? { passed: true }
          : { passed: false, expected: wanted ? KEY.exists : KEY.noSuchKey, found: wanted ? KEY.missing : KEY.existsAsA(keyType) },
    });
  }
  if (check.type !== undefined) {
    const wanted = check.type;
    parts.push({
      judge: (_r, keyType) =>
        keyType === wanted ? { passed: true } : { passed: false, expected: KEY.type(wanted), found: missing(keyType) ? KEY.missing : KEY.type(keyType) },
    });
  }
  if (check.value !== undefined) {
    const wanted = check.value;
    parts.push({
      command: { name: 'value', args: ['GET', key] },
      judge: (replies, keyType) => {
        const value = replies.get('value') ?? null;
        return keyType === 'string' && valuesEqual(value, wanted)
          ? { passed: true }
          : { passed: false, expected: verbatim(formatValue(wanted)), found: found(value, keyType, 'string') };
      },
    });
  }
  if (check.ttl !== undefined) {
    const wanted = check.ttl;
    parts.push({
      command: { name: 'ttl', args: ['TTL', key] },
      judge: (replies, keyType) => {
        const ttl = asNumber(replies.get('ttl') ?? null) ?? -2;
        const expected = wanted === 'none' ? KEY.noExpiry : KEY.ttl(describeComparison(wanted));
        const foundText = ttl === -2 || missing(keyType) ? KEY.missing : ttl === -1 ? KEY.noExpiry : KEY.ttl(String(ttl));
        const passed = wanted === 'none' ? ttl === -1 : ttl >= 0 && compareNumber(ttl, wanted);
        return passed ? { passed: true } : { passed: false, expected, found: foundText };
      },
    });
  }
  if (check.length !== undefined) {
    const wanted = check.length;
    parts.push({
      judge: (replies, keyType) => {
        const command = LENGTH_COMMAND[keyType as KeyType];
        const length = missing(keyType) ? 0 : command ? asNumber(replies.get(`length:${command}`) ?? null) : undefined;
        if (length !== undefined && compareNumber(length, wanted)) return { passed: true };
        return {
          passed: false,
          expected: EXPECT.length(describeComparison(wanted)),
          found: length === undefined ? KEY.isA(keyType) : missing(keyType) ? KEY.missing : EXPECT.length(String(length)),
        };
      },
    });
  }
  if (check.list !== undefined) {
    const wanted = check.list;
    parts.push({
      command: { name: 'list', args: ['LRANGE', key, '0', '-1'] },
      judge: (replies, keyType) => {
        const value = replies.get('list') ?? null;
        return keyType === 'list' && valuesEqual(value, wanted) ? { passed: true } : { passed: false, expected: verbatim(formatValue(wanted)), found: found(value, keyType, 'list') };
      },
    });
  }
  if (check.set !== undefined) {
    const wanted = check.set;
    parts.push({
      command: { name: 'set', args: ['SMEMBERS', key] },
      judge: (replies, keyType) => {
        const value = replies.get('set') ?? null;
        return keyType === 'set' && Array.isArray(value) && sameMembers(value, wanted)
          ? { passed: true }
          : { passed: false, expected: EXPECT.exactlyInAnyOrder(wanted.map((m) => formatValue(m)).join(', ')), found: found(value, keyType, 'set') };
      },
    });
  }
  if (check.zset !== undefined) {
    const wanted = check.zset;
    parts.push({
      command: { name: 'zset', args: ['ZRANGE', key, '0', '-1', 'WITHSCORES'] },
      judge: (replies, keyType) => {
        const value = replies.get('zset') ?? null;
        const pairs = Array.isArray(value) ? scorePairs(value) : value;
        return keyType === 'zset' && valuesEqual(pairs, wanted)
          ? { passed: true }
          : { passed: false, expected: verbatim(formatValue(wanted)), found: found(pairs, keyType, 'zset') };
      },
    });
  }
  if (check.hash !== undefined) {
    const wanted = check.hash;
    parts.push({
      command: { name: 'hash', args: ['HGETALL', key] },
      judge: (replies, keyType) => {
        const value = replies.get('hash') ?? null;
        return keyType === 'hash' && valuesEqual(value, wanted) ? { passed: true } : { passed: false, expected: verbatim(formatValue(wanted)), found: found(value, keyType, 'hash') };
      },
    });
  }
  if (check.fields !== undefined) {
    const wanted = check.fields;
    parts.push({
      command: { name: 'hash', args: ['HGETALL', key] },
      judge: (replies, keyType) => {
        const value = replies.get('hash') ?? null;
        const map = Array.isArray(value) ? pairsToMap(value) : value;
        const holds = keyType === 'hash' && map !== null && typeof map === 'object' && !Array.isArray(map) && !isErrorValue(map) &&
          Object.entries(wanted).every(([field, expected]) => Object.hasOwn(map, field) && valuesEqual(map[field] as Value, expected));
        return holds ? { passed: true } : { passed: false, expected: KEY.atLeastFields(formatValue(wanted)), found: found(value, keyType, 'hash') };
      },
    });
  }
  if (check.stream !== undefined) parts.push(...streamParts(key, check.stream, found));
  return parts;
}

function streamParts(key: string, stream: NonNullable<KeyCheck['stream']>, found: (value: Value | undefined, keyType: string, wantedType?: KeyType) => BilingualText): Part[] {
  const parts: Part[] = [];
  if (stream.length !== undefined) {
    const wanted = stream.length;
    parts.push({
      command: { name: 'xlen', args: ['XLEN', key] },
      judge: (replies, keyType) => {
        const length = asNumber(replies.get('xlen') ?? null);
        return keyType === 'stream' && length !== undefined && compareNumber(length, wanted)
          ? { passed: true }
          : { passed: false, expected: KEY.entries(describeComparison(wanted)), found: keyType === 'stream' ? KEY.entries(String(length)) : found(undefined, keyType, 'stream') };
      },
    });
  }
  if (stream.entries !== undefined) {
    const wanted: Record<string, Scalar>[] = stream.entries;
    parts.push({
      command: { name: 'xrange', args: ['XRANGE', key, '-', '+'] },
      judge: (replies, keyType) => {
        const value = replies.get('xrange') ?? null;
        const entries = Array.isArray(value) ? value.map((entry) => (Array.isArray(entry) && Array.isArray(entry[1]) ? (pairsToMap(entry[1]) ?? null) : null)) : value;
        return keyType === 'stream' && valuesEqual(entries, wanted)
          ? { passed: true }
          : { passed: false, expected: verbatim(formatValue(wanted)), found: found(entries, keyType, 'stream') };
      },
    });
  }
  return parts;
}

/** ZRANGE … WITHSCORES in RESP2 is flat [member, score, …]; the format writes [[member, score], …]. */
function scorePairs(flat: readonly Value[]): Value[] {
  const pairs: Value[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i] as Value, asNumber(flat[i + 1]) ?? (flat[i + 1] as Value)]);
  return pairs;
}

/** One length command per possible type (the wrong ones answer WRONGTYPE cheaply), unless the type is known from the check. */
function lengthCommandsFor(check: KeyCheck): Array<{ name: string; args: CheckerCommand }> {
  const known = check.type ?? impliedType(check);
  const types = known ? [known] : (Object.keys(LENGTH_COMMAND) as KeyType[]);
  return types.map((type) => ({ name: `length:${LENGTH_COMMAND[type]}`, args: [LENGTH_COMMAND[type], check.key] }));
}

function impliedType(check: KeyCheck): KeyType | undefined {
  if (check.value !== undefined) return 'string';
  if (check.list !== undefined) return 'list';
  if (check.set !== undefined) return 'set';
  if (check.zset !== undefined) return 'zset';
  if (check.hash !== undefined || check.fields !== undefined) return 'hash';
  if (check.stream !== undefined) return 'stream';
  return undefined;
}
