import type { Comparison, Count, Expectation, ReplyValue } from '../course/schema.js';
import { asNumber, asText, pairsToMap, valuesEqual } from './compare-values.js';
import { formatValue } from './format-value.js';
import type { Verdict } from './result.js';
import { isErrorValue, isValueMap, type Value } from './value.js';

interface ClauseOutcome {
  passed: boolean;
  expected: string;
  /** Set when "found" is more useful than the value itself ("3 items", "not a number"). */
  found?: string;
}

/** Pure: does the value meet every clause of the expectation? The first failing clause explains itself. */
export function checkExpectation(spec: Expectation, value: Value): Verdict {
  let subject = value;
  let where = '';
  if (spec.path && spec.path.length > 0) {
    const walked = walkPath(value, spec.path);
    where = `at ${formatPath(spec.path)}: `;
    if (!walked.found) return { passed: false, expected: `${where}a value`, found: `nothing at ${formatPath(walked.stoppedAt)} in ${formatValue(value)}` };
    subject = walked.value;
  }
  for (const clause of clausesOf(spec)) {
    const outcome = clause(subject);
    if (!outcome.passed) return { passed: false, expected: where + outcome.expected, found: outcome.found ?? formatValue(subject) };
  }
  return { passed: true };
}

/** A human description of the whole expectation, for lists and reports. */
export function describeExpectation(spec: Expectation): string {
  const where = spec.path && spec.path.length > 0 ? `at ${formatPath(spec.path)}: ` : '';
  return where + clausesOf(spec).map((clause) => clause(undefined).expected).join(' and ');
}

type Clause = (value: Value | undefined) => ClauseOutcome;

function clausesOf(spec: Expectation): Clause[] {
  const clauses: Clause[] = [];
  if (spec.error !== undefined) clauses.push(errorClause(spec.error));
  if (spec.ok !== undefined) clauses.push(okClause(spec.ok));
  if (spec.nil !== undefined) clauses.push(nilClause(spec.nil));
  if (Object.hasOwn(spec, 'equals')) {
    const expected = spec.equals as ReplyValue;
    clauses.push((value) => ({ passed: value !== undefined && valuesEqual(value, expected), expected: formatValue(expected) }));
  }
  if (spec.oneOf !== undefined) {
    const options = spec.oneOf;
    clauses.push((value) => ({
      passed: value !== undefined && options.some((option) => valuesEqual(value, option)),
      expected: `one of ${options.map((option) => formatValue(option)).join(', ')}`,
    }));
  }
  if (spec.matches !== undefined) clauses.push(matchesClause(spec.matches));
  const comparison = comparisonOf(spec);
  if (comparison) clauses.push(numberClause(comparison));
  if (spec.length !== undefined) clauses.push(lengthClause(spec.length));
  if (spec.contains !== undefined) clauses.push(containsClause(spec.contains));
  if (spec.sameMembers !== undefined) clauses.push(sameMembersClause(spec.sameMembers));
  return clauses;
}

function errorClause(error: true | string): Clause {
  const pattern = error === true ? undefined : new RegExp(error);
  return (value) => ({
    passed: isErrorValue(value) && (pattern === undefined || pattern.test(value.message)),
    expected: pattern ? `an error matching /${pattern.source}/` : 'an error',
  });
}

function okClause(ok: boolean): Clause {
  return (value) => ({ passed: value !== undefined && isErrorValue(value) !== ok, expected: ok ? 'not an error' : 'an error' });
}

function nilClause(nil: boolean): Clause {
  return (value) => ({ passed: nil ? value === null : value !== null && value !== undefined, expected: nil ? '(nil)' : 'not nil' });
}

function matchesClause(source: string): Clause {
  const pattern = new RegExp(source);
  return (value) => {
    const text = asText(value);
    return { passed: text !== undefined && pattern.test(text), expected: `text matching /${source}/` };
  };
}

function comparisonOf(spec: Comparison | Expectation): Comparison | undefined {
  const { gt, gte, lt, lte, between } = spec;
  if (gt === undefined && gte === undefined && lt === undefined && lte === undefined && between === undefined) return undefined;
  return { gt, gte, lt, lte, between };
}

/** Pure test of a number against a comparison; also used by key shorthands (ttl, length) and published counts. */
export function compareNumber(actual: number, comparison: Count): boolean {
  if (typeof comparison === 'number') return actual === comparison;
  const { gt, gte, lt, lte, between } = comparison;
  if (gt !== undefined && !(actual > gt)) return false;
  if (gte !== undefined && !(actual >= gte)) return false;
  if (lt !== undefined && !(actual < lt)) return false;
  if (lte !== undefined && !(actual <= lte)) return false;
  if (between !== undefined && !(actual >= (between[0] ?? -Infinity) && actual <= (between[1] ?? Infinity))) return false;
  return true;
}

export function describeComparison(comparison: Count): string {
  if (typeof comparison === 'number') return String(comparison);
  const parts: string[] = [];
  if (comparison.gt !== undefined) parts.push(`> ${comparison.gt}`);
  if (comparison.gte !== undefined) parts.push(`>= ${comparison.gte}`);
  if (comparison.lt !== undefined) parts.push(`< ${comparison.lt}`);
  if (comparison.lte !== undefined) parts.push(`<= ${comparison.lte}`);
  if (comparison.between !== undefined) parts.push(`between ${comparison.between[0]} and ${comparison.between[1]}`);
  return parts.join(' and ');
}

function numberClause(comparison: Comparison): Clause {
  const expected = `a number ${describeComparison(comparison)}`;
  return (value) => {
    const number = asNumber(value === undefined || isErrorValue(value) ? undefined : value);
    if (number === undefined) return { passed: false, expected, found: `${formatValue(value)} (not a number)` };
    return { passed: compareNumber(number, comparison), expected };
  };
}

function lengthOf(value: Value | undefined): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'number') return String(value).length;
  if (value !== undefined && value !== null && isValueMap(value)) return Object.keys(value).length;
  return undefined;
}

function lengthClause(length: Count): Clause {
  const expected = `length ${describeComparison(length)}`;
  return (value) => {
    const actual = lengthOf(value);
    if (actual === undefined) return { passed: false, expected, found: `${formatValue(value)} (has no length)` };
    return { passed: compareNumber(actual, length), expected, found: `length ${actual}: ${formatValue(value)}` };
  };
}

function containsClause(wanted: readonly ReplyValue[]): Clause {
  const expected = `containing ${wanted.map((item) => formatValue(item)).join(', ')}`;
  return (value) => {
    if (Array.isArray(value)) return { passed: wanted.every((item) => value.some((member) => valuesEqual(member, item))), expected };
    const text = asText(value);
    if (text === undefined) return { passed: false, expected };
    return { passed: wanted.every((item) => text.includes(asText(item) ?? formatValue(item))), expected };
  };
}

function sameMembersClause(members: readonly ReplyValue[]): Clause {
  const expected = `exactly ${members.map((item) => formatValue(item)).join(', ')} in any order`;
  return (value) => ({ passed: Array.isArray(value) && sameMembers(value, members), expected });
}

/** Multiset equality with the usual leniency: each expected item claims one distinct actual item. */
export function sameMembers(actual: readonly Value[], expected: readonly Value[]): boolean {
  if (actual.length !== expected.length) return false;
  const unclaimed = [...actual];
  for (const item of expected) {
    const at = unclaimed.findIndex((candidate) => valuesEqual(candidate, item));
    if (at < 0) return false;
    unclaimed.splice(at, 1);
  }
  return true;
}

type PathWalk = { found: true; value: Value } | { found: false; stoppedAt: readonly (string | number)[] };

/** Goes into a reply: numbers index arrays (negative from the end), texts pick map fields or flat pair-array fields. */
export function walkPath(value: Value, path: readonly (string | number)[]): PathWalk {
  let current: Value = value;
  for (let step = 0; step < path.length; step += 1) {
    const next = stepInto(current, path[step] as string | number);
    if (next === undefined) return { found: false, stoppedAt: path.slice(0, step + 1) };
    current = next;
  }
  return { found: true, value: current };
}

function stepInto(value: Value, key: string | number): Value | undefined {
  if (Array.isArray(value)) {
    if (typeof key === 'number') return value[key < 0 ? value.length + key : key];
    const map = pairsToMap(value);
    return map && Object.hasOwn(map, key) ? map[key] : undefined;
  }
  if (value !== null && isValueMap(value)) {
    const field = String(key);
    return Object.hasOwn(value, field) ? value[field] : undefined;
  }
  return undefined;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('').replace(/^\./, '');
}
