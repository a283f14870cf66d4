import type { Reply } from '../resp/types.js';
import { ErrorValue, type Value, type ValueMap } from './value.js';
import { formatValue } from './format-value.js';

/** A reply from the learner's RESP connection (RESP2 or RESP3) as a plain value. */
export function replyToValue(reply: Reply): Value {
  switch (reply.type) {
    case 'status':
    case 'bulk':
      return reply.value.toString('utf8');
    case 'verbatim':
      return reply.value.toString('utf8');
    case 'error':
      return new ErrorValue(reply.value.toString('utf8'));
    case 'integer':
      return integerValue(reply.value);
    case 'nil':
      return null;
    case 'double':
      return doubleValue(reply.value);
    case 'bignum':
      return reply.value;
    case 'boolean':
      return reply.value;
    case 'array':
    case 'set':
    case 'push':
      return reply.items.map(replyToValue);
    case 'map': {
      const map: ValueMap = {};
      for (const [field, item] of reply.entries) setField(map, mapFieldName(replyToValue(field)), replyToValue(item));
      return map;
    }
  }
}

/**
 * A reply as ioredis hands it to the checker: strings (or Buffers), numbers,
 * null, nested arrays, ReplyError instances and, for HGETALL, an object.
 */
export function ioredisToValue(reply: unknown): Value {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === 'string' || typeof reply === 'number' || typeof reply === 'boolean') return reply;
  if (typeof reply === 'bigint') return integerValue(reply);
  if (Buffer.isBuffer(reply)) return reply.toString('utf8');
  if (reply instanceof Error) return new ErrorValue(reply.message);
  if (Array.isArray(reply)) return reply.map(ioredisToValue);
  if (typeof reply === 'object') {
    const map: ValueMap = {};
    for (const [field, item] of Object.entries(reply)) setField(map, field, ioredisToValue(item));
    return map;
  }
  // Only symbols and functions are left, and ioredis returns neither.
  return null;
}

function integerValue(value: bigint): Value {
  // Integers beyond 2^53 stay exact as text; expectations compare numbers and numeric text alike.
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

function doubleValue(text: string): number {
  const lower = text.toLowerCase();
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  if (lower === 'nan') return NaN;
  return Number(text);
}

function mapFieldName(field: Value): string {
  return typeof field === 'string' ? field : formatValue(field);
}

/** Field names such as "__proto__" must become own data properties, never touch the prototype. */
function setField(map: ValueMap, field: string, value: Value): void {
  Object.defineProperty(map, field, { value, enumerable: true, writable: true, configurable: true });
}
