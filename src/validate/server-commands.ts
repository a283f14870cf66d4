import type { Redis } from 'ioredis';
import type { CourseProblem } from '../course/course-problems.js';
import { REDIS_COMMAND_NAMES } from '../course/redis-commands.js';
import type { Course, LoadedExercise, LoadedModule, PathSegment } from '../course/schema.js';
import { isCommandLine } from '../course/script-lines.js';
import type { ServerFacts } from '../course/requirement-fit.js';
import { argsToStrings, parseCommandLine } from '../engine/command-line.js';
import { readCourseServerFacts, skipReason, type Ownership } from '../engine/requirements.js';
import { commandKey, readCommandAvailability } from '../redis/server-identity.js';

/** Containers whose second word is a subcommand (`CONFIG SET`), from the shipped snapshot. */
const CONTAINERS = new Set(REDIS_COMMAND_NAMES.filter((name) => name.includes(' ')).map((name) => name.split(' ')[0] ?? ''));

/** A command an exercise sends to the server, and where the course says so. */
interface CommandUse {
  module: LoadedModule;
  exercise: LoadedExercise;
  /** Upper case; a subcommand after a space (`CONFIG SET`). */
  name: string;
  /** What it is in the exercise: `solution`, `checks[1].used` (the line is in the place). */
  where: string;
  file: string;
  line?: number;
  column?: number;
}

/**
 * `validate --solutions`: the commands of each exercise's setup, solution
 * and checks (command lines, used/notUsed) that the server validate runs on
 * does not know, asked with COMMAND INFO (one round trip for the course).
 * Warnings, not errors: the course may be meant for a newer server than
 * this one (HEXPIRE on Redis 7.0). An exercise whose `requires` already
 * says the server lacks something is skipped and not warned about again.
 * Subcommands are asked as `container|sub` on servers from 7.0 only; older
 * ones do not answer that form, so there only the command itself is judged.
 */
export async function unknownServerCommands(course: Course, checker: Redis, target: Ownership): Promise<CourseProblem[]> {
  const server = await readCourseServerFacts(checker, course, target);
  const uses = course.modules.flatMap((module) =>
    module.exercises.filter((exercise) => skipReason(module, exercise, server) === undefined).flatMap((exercise) => commandUses(module, exercise)),
  );
  const subcommandsAnswered = Number.parseInt(server.redisVersion, 10) >= 7;
  const askedName = (name: string) => (subcommandsAnswered ? name : (name.split(' ')[0] ?? name));
  const known = await readCommandAvailability(checker, uses.map((use) => askedName(use.name)));
  const product = describeProduct(server);
  return uses
    .filter((use) => known[commandKey(askedName(use.name))] === false)
    .map((use) => ({
      severity: 'warning' as const,
      code: 'unknown-command' as const,
      file: use.file,
      ...(use.line !== undefined ? { line: use.line } : {}),
      ...(use.column !== undefined ? { column: use.column } : {}),
      message: `${use.where}: ${askedName(use.name)} is not a command of the server validate ran on (${product}), so ${use.exercise.id} cannot pass there — add requires: to the exercise, or validate on a newer server`,
    }));
}

function commandUses(module: LoadedModule, exercise: LoadedExercise): CommandUse[] {
  const at = (path: PathSegment[]) => {
    const location = exercise.locate(path);
    return { file: location.file, line: location.line, column: location.column };
  };
  const uses: CommandUse[] = [];
  const fromLine = (text: string, where: string, place: { file: string; line?: number; column?: number }) => {
    const name = commandNameOf(text);
    if (name !== undefined && !answeredElsewhere(exercise, name)) uses.push({ module, exercise, name, where, ...place });
  };
  for (const [part, lines] of [['setup', exercise.setupLines], ['solution', exercise.solutionLines]] as const) {
    for (const line of lines) fromLine(line.text, part, line.location);
  }
  for (const check of exercise.checks) {
    if (check.kind === 'command') fromLine(check.command, `checks[${check.index}].command`, at(['checks', check.index, 'command']));
    if (check.kind !== 'used' && check.kind !== 'notUsed') continue;
    check.commands.forEach((pattern, index) => {
      const single = check.commands.length === 1;
      const path: PathSegment[] = single ? ['checks', check.index, check.kind, 'command'] : ['checks', check.index, check.kind, index, 'command'];
      uses.push({ module, exercise, name: pattern.command, where: `checks[${check.index}].${check.kind}${single ? '' : `[${index}]`}`, ...at(path) });
    });
  }
  return uses;
}

/**
 * Not the data server's to know: `connect` is redis-cli's own word (in a lab,
 * moving to a node), and in a lab SENTINEL goes to a sentinel, which a plain
 * redis-server does not answer.
 */
function answeredElsewhere(exercise: LoadedExercise, name: string): boolean {
  return name === 'CONNECT' || (exercise.topology !== undefined && name.split(' ')[0] === 'SENTINEL');
}

/** `HSET`, `CONFIG SET`: the command of a redis-cli line; none for comments and the tutor's `!` directives. */
function commandNameOf(text: string): string | undefined {
  if (!isCommandLine(text) || text.trim().startsWith('!')) return undefined;
  let args: string[];
  try {
    args = argsToStrings(parseCommandLine(text)).map((arg) => arg.toUpperCase());
  } catch {
    return undefined; // unbalanced quotes: lint has reported the line already
  }
  const [first, second] = args;
  if (first === undefined) return undefined;
  return CONTAINERS.has(first) && second !== undefined ? `${first} ${second}` : first;
}

function describeProduct(server: Pick<ServerFacts, 'kind' | 'version'>): string {
  return `${server.kind === 'valkey' ? 'Valkey' : 'Redis'} ${server.version}`;
}
