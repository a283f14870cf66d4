/**
 * The map builder every part of the exercise format uses: a closed map that
 * names the allowed fields when an unknown one appears.
 */
import { z } from 'zod';
import { closestMatches } from '../closest.js';

/**
 * A map that rejects unknown fields, naming the allowed ones: a typo such as
 * `expct` is the most common authoring mistake and must not pass silently.
 */
export function closedMap<Shape extends z.ZodRawShape>(noun: string, shape: Shape, typeMessage?: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return unknownKeysMessage(noun, issue.keys, known);
      if (issue.code === 'invalid_type' && typeMessage) return typeMessage;
      return undefined;
    },
  });
}

export function unknownKeysMessage(noun: string, keys: readonly string[], known: readonly string[]): string {
  const names = keys.map((key) => `"${key}"`).join(', ');
  const guess = keys.length === 1 && keys[0] !== undefined ? closestMatches(keys[0], known, 1)[0] : undefined;
  const hint = guess ? `did you mean "${guess}"? ` : '';
  return `unknown ${noun}${keys.length > 1 ? 's' : ''} ${names} — ${hint}expected one of ${known.join(', ')}`;
}

/**
 * For "at least one of" rules: only when the map is otherwise valid, so an
 * unknown field is reported once, not also as "nothing given".
 */
export const onlyWhenValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };
