import type { Comparison, Count, Expectation, ReplyValue } from '../course/schema.js';
import { asNumber, asText, pairsToMap, valuesEqual } from './compare-values.js';
import { formatValue } from './format-value.js';
import { verbatim, type BilingualText, type Verdict } from '../results/check-result.js';
import { COMPARE, EXPECT, joinPieces } from './texts.js';
import { isErrorValue, isValueMap, type Value } from './value.js';

interface ClauseOutcome {
  passed: boolean;
  expected: BilingualText;
  /** Set when "found" is more useful than the value itself ("3 items", "not a number"). */
  found?: BilingualText;
}

/** Pure: does the value meet every clause of the expectation? The first failing clause explains itself. */
export function checkExpectation(spec: Expectation, value: Value): Verdict {
  let subject = value;
  const path = spec.path && spec.path.length > 0 ? spec.path : undefined;
  /** "at [0].pending: 1" / "в [0].pending: 1" when the expectation looks inside the reply. */
  const where = (expected: BilingualText) => (path ? EXPECT.atPath(formatPath(path), expected) : expected);
  if (path) {
    const walked = walkPath(value, path);
    if (!walked.found) return { passed: false, expected: where(EXPECT.aValue), found: EXPECT.nothingAt(formatPath(walked.stoppedAt), formatValue(value)) };
    subject = walked.value;
  }
  for (const clause of clausesOf(spec)) {
    const outcome = clause(subject);
    if (!outcome.passed) return { passed: false, expected: where(outcome.expected), found: outcome.found ?? verbatim(formatValue(subject)) };
  }
  return { passed: true };
}

/** A human description of the whole expectation, for lists and reports. */
export function describeExpectation(spec: Expectation): BilingualText {
  const all = joinPieces(clausesOf(spec).map((clause) => clause(undefined).expected), EXPECT.and);
  return spec.path && spec.path.length > 0 ? EXPECT.atPath(formatPath(spec.path), all) : all;
}

type Clause = (value: Value | undefined) => ClauseOutcome;

function clausesOf(spec: Expectation): Clause[] {
  const clauses: Clause[] = [];
  if (spec.error !== undefined) clauses.push(errorClause(spec.error));
  if (spec.ok !== undefined) clauses.push(okClause(spec.ok));
  if (spec.nil !== undefined) clauses.push(nilClause(spec.nil));
  if (Object.hasOwn(spec, 'equals')) {
    const expected = spec.equals as ReplyValue;
    clauses.push((value) => ({ passed: value !== undefined && valuesEqual(value, expected), expected: verbatim(formatValue(expected)) }));
  }
  if (spec.oneOf !== undefined) {
    const options = spec.oneOf;
    clauses.push((value) => ({
      passed: value !== undefined && options.some((option) => valuesEqual(value, option)),
      expected: EXPECT.oneOf(options.map((option) => formatValue(option)).join(', ')),
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
    expected: pattern ? EXPECT.errorMatching(pattern.source) : EXPECT.anError,
  });
}

function okClause(ok: boolean): Clause {
  return (value) => ({ passed: value !== undefined && isErrorValue(value) !== ok, expected: ok ? EXPECT.notAnError : EXPECT.anError });
}

function nilClause(nil: boolean): Clause {
  return (value) => ({ passed: nil ? value === null : value !== null && value !== undefined, expected: nil ? verbatim('(nil)') : EXPECT.notNil });
}

function matchesClause(source: string): Clause {
  const pattern = new RegExp(source);
  return (value) => {
    const text = asText(value);
    return { passed: text !== undefined && pattern.test(text), expected: EXPECT.textMatching(source) };
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

export function describeComparison(comparison: Count): BilingualText {
  if (typeof comparison === 'number') return verbatim(String(comparison));
  const parts: Array<string | BilingualText> = [];
  if (comparison.gt !== undefined) parts.push(`> ${comparison.gt}`);
  if (comparison.gte !== undefined) parts.push(`>= ${comparison.gte}`);
  if (comparison.lt !== undefined) parts.push(`< ${comparison.lt}`);
  if (comparison.lte !== undefined) parts.push(`<= ${comparison.lte}`);
  if (comparison.between !== undefined) parts.push(COMPARE.between(String(comparison.between[0]), String(comparison.between[1])));
  return joinPieces(parts, COMPARE.and);
}

function numberClause(comparison: Comparison): Clause {
  const expected = EXPECT.aNumber(describeComparison(comparison));
  return (value) => {
    const number = asNumber(value === undefined || isErrorValue(value) ? undefined : value);
    if (number === undefined) return { passed: false, expected, found: EXPECT.notANumber(formatValue(value)) };
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
  const expected = EXPECT.length(describeComparison(length));
  return (value) => {
    const actual = lengthOf(value);
    if (actual === undefined) return { passed: false, expected, found: EXPECT.hasNoLength(formatValue(value)) };
    return { passed: compareNumber(actual, length), expected, found: EXPECT.lengthOf(actual, formatValue(value)) };
  };
}

function containsClause(wanted: readonly ReplyValue[]): Clause {
  const expected = EXPECT.containing(wanted.map((item) => formatValue(item)).join(', '));
  return (value) => {
    if (Array.isArray(value)) return { passed: wanted.every((item) => value.some((member) => valuesEqual(member, item))), expected };
    const text = asText(value);
    if (text === undefined) return { passed: false, expected };
    return { passed: wanted.every((item) => text.includes(asText(item) ?? formatValue(item))), expected };
  };
}

function sameMembersClause(members: readonly ReplyValue[]): Clause {
  const expected = EXPECT.exactlyInAnyOrder(members.map((item) => formatValue(item)).join(', '));
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
