import { isLanguage } from '../course/language.js';
import type { Language } from '../course/schema.js';

/**
 * Tutor commands start with `:` so they can never be taken for Redis
 * commands (no Redis command starts with a colon).
 */
export type TutorCommand =
  | { name: 'hint' }
  | { name: 'solution' }
  | { name: 'reset' }
  | { name: 'check' }
  | { name: 'next' }
  | { name: 'prev' }
  | { name: 'menu' }
  | { name: 'lang'; language: Language | undefined }
  | { name: 'panel' }
  | { name: 'help' }
  | { name: 'quit' }
  | { name: 'reset-progress' }
  | { name: 'set-hints'; on: boolean }
  | { name: 'unknown'; text: string };

export const TUTOR_COMMAND_NAMES = ['hint', 'solution', 'reset', 'check', 'next', 'prev', 'menu', 'lang', 'panel', 'help', 'quit', 'reset-progress'] as const;

const ALIASES: Record<string, (typeof TUTOR_COMMAND_NAMES)[number]> = {
  h: 'hint',
  hint: 'hint',
  s: 'solution',
  sol: 'solution',
  solution: 'solution',
  r: 'reset',
  reset: 'reset',
  c: 'check',
  check: 'check',
  n: 'next',
  next: 'next',
  p: 'prev',
  prev: 'prev',
  previous: 'prev',
  m: 'menu',
  menu: 'menu',
  home: 'menu',
  l: 'lang',
  lang: 'lang',
  language: 'lang',
  d: 'panel',
  data: 'panel',
  panel: 'panel',
  '?': 'help',
  help: 'help',
  q: 'quit',
  quit: 'quit',
  exit: 'quit',
  'reset-progress': 'reset-progress',
};

/** undefined when the line is not a tutor command (it goes to Redis). */
export function parseTutorCommand(line: string): TutorCommand | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith(':')) return undefined;
  const [word = '', ...rest] = trimmed.slice(1).trim().split(/\s+/);
  const lower = word.toLowerCase();
  // redis-cli's own `:set hints` / `:set nohints` keep working.
  if (lower === 'set' && (rest[0] === 'hints' || rest[0] === 'nohints')) return { name: 'set-hints', on: rest[0] === 'hints' };
  const name = ALIASES[lower];
  if (name === undefined) return { name: 'unknown', text: trimmed };
  if (name === 'lang') {
    const wanted = rest[0]?.toLowerCase();
    return { name: 'lang', language: isLanguage(wanted) ? wanted : undefined };
  }
  return { name };
}
