import type { z } from 'zod';
import { closestMatches } from './closest.js';
import { formatPropertyPath, isPlainMap, toPathSegments, valueAt } from './property-path.js';
import { CHECK_KINDS, type PathSegment } from './schema.js';

type Issue = z.core.$ZodIssue;

/** A schema violation explained for a person, with the place to point at. */
export interface ExplainedIssue {
  path: PathSegment[];
  /** Set when the problem is the key itself (an unknown field): point at the key, not its value. */
  key?: string;
  /** Starts with the property path, e.g. `checks[1].expect: unknown expectation "equal" — ...`. */
  message: string;
}

/**
 * Turns zod issues into messages that say what is wrong and what is expected.
 * Unions are the hard part: zod reports every branch's failure, so we pick the
 * branch the author evidently meant (for checks: the one whose kind field is
 * present) and report only its issues.
 */
export function explainIssues(issues: readonly Issue[], raw: unknown): ExplainedIssue[] {
  return issues.flatMap((issue) => explain(issue, [], raw));
}

function explain(issue: Issue, base: readonly PathSegment[], root: unknown): ExplainedIssue[] {
  const path = [...base, ...toPathSegments(issue.path)];
  const found = valueAt(root, path);
  const at = (message: string, key?: string): ExplainedIssue[] => [
    { path, ...(key === undefined ? {} : { key }), message: prefix(path, message) },
  ];

  switch (issue.code) {
    case 'invalid_union': {
      if (found === undefined) return at(isDefaultMessage(issue.message) ? 'missing' : `missing — ${issue.message}`);
      if (isCheckPath(path)) return explainCheck(issue, path, found, root);
      const branch = likeliestBranch(issue.errors);
      if (branch) return branch.flatMap((inner) => explain(inner, path, root));
      return at(`${issue.message}${foundSuffix(found)}`);
    }
    case 'unrecognized_keys': {
      const key = issue.keys[0];
      // `{ en: Hi, there }` reads "there" as a key with no value: a comma ends a value inside { }.
      const commaSplit = key !== undefined && key.includes(' ') && valueAt(root, [...path, key]) === null;
      const hint = commaSplit ? ' (inside { }, a comma ends the text — put the text in quotes)' : '';
      return at(`${issue.message}${hint}`, key);
    }
    case 'invalid_type': {
      const custom = isDefaultMessage(issue.message) ? undefined : issue.message;
      if (found === undefined) return at(`missing — ${custom ?? `expected ${article(issue.expected)}`}`);
      return at(`${custom ?? `expected ${article(issue.expected)}`}${foundSuffix(found)}`);
    }
    case 'invalid_value':
      return at(`${issue.message}${foundSuffix(found)}`);
    default:
      return at(issue.message);
  }
}

function isCheckPath(path: readonly PathSegment[]): boolean {
  // `checks[1]` of an exercise, or of a project's stage step (`stages[0].steps[1].checks[2]`).
  return path.length >= 2 && path[path.length - 2] === 'checks' && typeof path[path.length - 1] === 'number';
}

/** A check's kind is the one kind field it has; anything else is the error to report. */
function explainCheck(
  issue: Extract<Issue, { code: 'invalid_union' }>,
  path: PathSegment[],
  found: unknown,
  root: unknown,
): ExplainedIssue[] {
  const one = (message: string): ExplainedIssue[] => [{ path, message: prefix(path, message) }];
  if (!isPlainMap(found)) return one(`expected a check: a map with a description and one of ${CHECK_KINDS.join(', ')}${foundSuffix(found)}`);
  const kinds = CHECK_KINDS.filter((kind) => kind in found);
  const [kind, ...others] = kinds;
  if (kind !== undefined && others.length === 0) {
    const branch = issue.errors[CHECK_KINDS.indexOf(kind)] ?? [];
    return branch.flatMap((inner) => explain(inner, path, root));
  }
  if (kind !== undefined) {
    return one(`a check is of one kind, but this one has ${kinds.join(' and ')} — split it into separate checks`);
  }
  const typos = Object.keys(found).flatMap((field) => {
    const guess = closestMatches(field, CHECK_KINDS, 1)[0];
    return guess && field !== 'description' && field !== 'wait' ? [`"${field}" → "${guess}"?`] : [];
  });
  const hint = typos.length > 0 ? ` (did you mean ${typos.join(', ')})` : '';
  return one(`a check needs one of ${CHECK_KINDS.join(', ')}${hint}`);
}

/**
 * The branch whose own type fits the value (its failures are deeper inside),
 * with the fewest failures; undefined when no branch's type fits.
 */
function likeliestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const fitting = branches.filter(
    (issues) => !issues.some((inner) => inner.path.length === 0 && (inner.code === 'invalid_type' || inner.code === 'invalid_value')),
  );
  return [...fitting].sort((a, b) => a.length - b.length)[0];
}

function prefix(path: readonly PathSegment[], message: string): string {
  return path.length === 0 ? message : `${formatPropertyPath(path)}: ${message}`;
}

function isDefaultMessage(message: string): boolean {
  return message.startsWith('Invalid input');
}

const ARTICLES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a map',
  array: 'a list',
  tuple: 'a list',
  record: 'a map',
  null: 'null',
};

function article(expected: string): string {
  return ARTICLES[expected] ?? expected;
}

function foundSuffix(found: unknown): string {
  return `, found ${describeValue(found)}`;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}
