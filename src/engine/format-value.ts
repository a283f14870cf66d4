import { isErrorValue, type Value } from './value.js';

/**
 * One-line rendering of a value for the "expected … / found …" lines the
 * learner reads: strings quoted (so "3" and 3 stay distinguishable when that
 * matters), nil as (nil), errors as redis-cli shows them.
 */
export function formatValue(value: Value | undefined, maxLength = 200): string {
  const text = render(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

function render(value: Value | undefined): string {
  if (value === undefined || value === null) return '(nil)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (isErrorValue(value)) return `(error) ${value.message}`;
  if (Array.isArray(value)) return value.length === 0 ? '(empty array)' : `[${value.map(render).join(', ')}]`;
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{${entries.map(([field, item]) => `${fieldName(field)}: ${render(item)}`).join(', ')}}`;
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}

function fieldName(field: string): string {
  return /^[\w:.-]+$/.test(field) ? field : JSON.stringify(field);
}
