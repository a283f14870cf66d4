import { closestMatches } from './closest.js';
import type { CourseProblem } from './course-problems.js';
import { REDIS_COMMAND_NAMES, REDIS_COMMAND_SOURCES } from './redis-commands.js';
import type { CommandPattern, LoadedExercise, PathSegment } from './schema.js';

/** Top-level names, and the subcommands of each container (`CONFIG` → GET, SET, ...). */
const TOP_LEVEL = REDIS_COMMAND_NAMES.filter((name) => !name.includes(' '));
const SUBCOMMANDS = new Map<string, string[]>();
for (const name of REDIS_COMMAND_NAMES) {
  const [container, sub] = name.split(' ');
  if (container === undefined || sub === undefined) continue;
  SUBCOMMANDS.set(container, [...(SUBCOMMANDS.get(container) ?? []), sub]);
}
const KNOWN = new Set(REDIS_COMMAND_NAMES);

export interface CommandNameVerdict {
  severity: 'error' | 'warning';
  message: string;
}

/**
 * Whether a used/notUsed name is a Redis command, from the names shipped in
 * ./redis-commands.ts (no server needed): `SETT` is an error with the name
 * it most likely meant, `CONFIG SETT` too; `SET NX` is an error because SET
 * has no subcommands (arguments go in `with:`). A dotted name the snapshot
 * does not know (JSON.SET) is a module's command: a warning, since a server
 * with the module has it. `name` is upper-case and single-spaced, as loaded.
 */
export function checkCommandName(name: string): CommandNameVerdict | undefined {
  if (KNOWN.has(name)) return undefined;
  const [first = '', second, ...rest] = name.split(' ');
  if (!KNOWN.has(first)) {
    if (first.includes('.')) {
      return { severity: 'warning', message: `${first} is not a command of ${REDIS_COMMAND_SOURCES}; fine if a module of your server provides it` };
    }
    return { severity: 'error', message: `${first} is not a Redis command${didYouMean(first, TOP_LEVEL)}` };
  }
  const subcommands = SUBCOMMANDS.get(first);
  if (subcommands === undefined || second === undefined) return noSubcommands(name);
  if (!subcommands.includes(second)) {
    return { severity: 'error', message: `${first} ${second} is not a subcommand of ${first}${didYouMean(second, subcommands, `${first} `)}` };
  }
  return rest.length > 0 ? noSubcommands(name) : undefined;
}

/** `SET NX`, `CONFIG SET maxmemory`: the words after the command are arguments, which `with:` matches anywhere. */
function noSubcommands(name: string): CommandNameVerdict {
  const words = name.split(' ');
  const command = words.slice(0, SUBCOMMANDS.has(words[0] ?? '') ? 2 : 1).join(' ');
  const args = words.slice(command.split(' ').length);
  return {
    severity: 'error',
    message: `${command} has no subcommand ${args.join(' ')} — arguments go in with: { command: ${command}, with: [${args.join(', ')}] }`,
  };
}

function didYouMean(word: string, candidates: readonly string[], prefix = ''): string {
  const guess = closestMatches(word, candidates, 1)[0];
  return guess !== undefined ? ` — did you mean ${prefix}${guess}?` : '';
}

/** Every used/notUsed item (and used's before/after bounds) whose command name is not one, at its place in the file. */
export function commandNameProblems(exercise: LoadedExercise): CourseProblem[] {
  const problems: CourseProblem[] = [];
  for (const check of exercise.checks) {
    if (check.kind !== 'used' && check.kind !== 'notUsed') continue;
    const fields: Array<[string, readonly CommandPattern[]]> =
      check.kind === 'used' ? [['used', check.commands], ['before', check.before ?? []], ['after', check.after ?? []]] : [['notUsed', check.commands]];
    for (const [field, patterns] of fields) {
      patterns.forEach((pattern, index) => {
        const verdict = checkCommandName(pattern.command);
        if (!verdict) return;
        // One item may be written alone (used: SETT) or in a list; the path finds the item either way.
        const itemPath: PathSegment[] = patterns.length === 1 ? ['checks', check.index, field, 'command'] : ['checks', check.index, field, index, 'command'];
        const location = exercise.locate(itemPath);
        const label = patterns.length === 1 ? `checks[${check.index}].${field}` : `checks[${check.index}].${field}[${index}]`;
        problems.push({ severity: verdict.severity, code: 'unknown-command', file: location.file, line: location.line, column: location.column, message: `${label}: ${verdict.message}` });
      });
    }
  }
  return problems;
}
