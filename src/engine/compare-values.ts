import { isErrorValue, isValueMap, type Value, type ValueMap } from './value.js';

/**
 * Deep equality with the leniency the format promises: 3 and "3" are equal
 * (Redis sends numbers as text in many places), true equals 1, and a flat
 * RESP2 [field, value, ...] array equals the map it encodes.
 */
export function valuesEqual(actual: Value, expected: Value): boolean {
  if (isErrorValue(actual) || isErrorValue(expected)) {
    return isErrorValue(actual) && isErrorValue(expected) && actual.message === expected.message;
  }
  if (actual === null || expected === null) return actual === expected;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && actual.every((item, i) => valuesEqual(item, expected[i] as Value));
  }
  if (isValueMap(expected)) {
    const map = isValueMap(actual) ? actual : Array.isArray(actual) ? pairsToMap(actual) : undefined;
    return map !== undefined && mapsEqual(map, expected);
  }
  if (Array.isArray(actual) || isValueMap(actual)) return false;
  return scalarsEqual(actual, expected);
}

function scalarsEqual(a: string | number | boolean, b: string | number | boolean): boolean {
  if (typeof a === typeof b) return a === b || (typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b));
  const left = asNumber(a);
  const right = asNumber(b);
  return left !== undefined && right !== undefined && (left === right || (Number.isNaN(left) && Number.isNaN(right)));
}

function mapsEqual(actual: ValueMap, expected: ValueMap): boolean {
  const actualFields = Object.keys(actual);
  const expectedFields = Object.keys(expected);
  if (actualFields.length !== expectedFields.length) return false;
  return expectedFields.every((field) => Object.hasOwn(actual, field) && valuesEqual(actual[field] as Value, expected[field] as Value));
}

/** A flat [field, value, field, value] list (HGETALL in RESP2, XINFO, CONFIG GET) as a map; undefined when it is not one. */
export function pairsToMap(items: readonly Value[]): ValueMap | undefined {
  if (items.length % 2 !== 0) return undefined;
  const map: ValueMap = {};
  for (let i = 0; i < items.length; i += 2) {
    const field = items[i] as Value;
    if (typeof field !== 'string' && typeof field !== 'number') return undefined;
    Object.defineProperty(map, String(field), { value: items[i + 1], enumerable: true, writable: true, configurable: true });
  }
  return map;
}

/** The value read as a number, as INCR, ZSCORE and TTL results are meant; undefined when it is not numeric. */
export function asNumber(value: Value | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (text === '') return undefined;
  if (text === 'inf' || text === '+inf') return Infinity;
  if (text === '-inf') return -Infinity;
  if (text === 'nan') return NaN;
  const number = Number(text);
  return Number.isNaN(number) ? undefined : number;
}

/** The value read as text (strings and numbers); undefined for nil, lists, maps and errors. */
export function asText(value: Value | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}
