import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import {
  CHECK_KINDS,
  type Actor,
  type ActorFile,
  type Check,
  type CheckFile,
  type CheckKind,
  type CommandPattern,
  type ExerciseFile,
  type Expectation,
  type ExpectSchema,
  type LoadedExercise,
  type LoadedProgram,
  type ProgramFile,
  type ScriptLine,
  type SourceLocation,
} from './schema.js';
import { actorTrigger, parseActorDelay } from './schema/actors.js';
import { scriptLines } from './script-lines.js';
import type { YamlSource } from './yaml-source.js';

type ExpectFile = z.infer<typeof ExpectSchema>;

/** Expands the shorthands of a validated exercise file and tags every check with its kind and place. */
export function buildExercise(
  exercise: ExerciseFile,
  source: YamlSource,
  where: { moduleId: string; number: number },
): LoadedExercise {
  const lines = (text: string | undefined, path: (string | number)[]): ScriptLine[] =>
    text === undefined ? [] : scriptLines(text, path, source.locateTextLine);
  return {
    id: `${where.moduleId}/${exercise.id}`,
    localId: exercise.id,
    moduleId: where.moduleId,
    number: where.number,
    file: source.file,
    title: exercise.title,
    lesson: exercise.lesson,
    task: exercise.task,
    hints: exercise.hints,
    solution: exercise.solution ?? '',
    solutionLines: lines(exercise.solution, ['solution']),
    ...(exercise.setup === undefined ? {} : { setup: exercise.setup }),
    setupLines: lines(exercise.setup, ['setup']),
    keys: exercise.keys ?? [],
    docs: exercise.docs ?? [],
    actors: (exercise.actors ?? []).map((actor, index) => buildActor(actor, index, source)),
    ...(exercise.requires === undefined ? {} : { requires: exercise.requires }),
    ...(exercise.topology === undefined ? {} : { topology: exercise.topology }),
    checks: exercise.checks.map((check, index) => buildCheck(check, index, source.locate(['checks', index]), source.file)),
    counterExamples: (exercise.counterExamples ?? []).map(({ why, solution, program }, index) => ({
      index,
      why,
      solution: solution ?? '',
      solutionLines: lines(solution, ['counterExamples', index, 'solution']),
      ...(program === undefined ? {} : { program: { path: program, absolutePath: resolve(dirname(source.file), program) } }),
      location: source.locate(['counterExamples', index]),
    })),
    ...(exercise.program === undefined ? {} : { program: buildProgram(exercise.program, source.file) }),
    locate: source.locate,
  };
}

export function checkKindOf(check: CheckFile): CheckKind {
  const kind = CHECK_KINDS.find((name) => name in check);
  // The schema admits only maps with exactly one kind field, so this cannot happen for validated data.
  if (kind === undefined) throw new Error('check without a kind field passed validation');
  return kind;
}

/** One check as written, tagged with its kind and place (projects' stage checks use it too). */
export function buildCheck(check: CheckFile, index: number, location: SourceLocation, file: string): Check {
  const base = {
    description: check.description,
    ...(check.wait === undefined ? {} : { wait: check.wait }),
    ...(check.hidden === true ? { hidden: true } : {}),
    index,
    location,
  };
  if ('command' in check) {
    return { ...base, kind: 'command', command: check.command, expect: toExpectation(check.expect), ...(check.as ? { as: check.as } : {}), ...(check.node ? { node: check.node } : {}) };
  }
  if ('key' in check) {
    const { description: _description, wait: _wait, hidden: _hidden, ...state } = check;
    return { ...base, kind: 'key', ...state };
  }
  if ('lua' in check) {
    return { ...base, kind: 'lua', script: check.lua, keys: check.keys ?? [], args: (check.args ?? []).map(String) };
  }
  if ('used' in check) {
    return {
      ...base,
      kind: 'used',
      commands: commandPatterns(check.used),
      ...(check.before === undefined ? {} : { before: commandPatterns(check.before) }),
      ...(check.after === undefined ? {} : { after: commandPatterns(check.after) }),
    };
  }
  if ('notUsed' in check) return { ...base, kind: 'notUsed', commands: commandPatterns(check.notUsed) };
  if ('published' in check) {
    const { channel, count, message } = check.published;
    return {
      ...base,
      kind: 'published',
      channel,
      count: count ?? { gte: 1 },
      ...(message === undefined ? {} : { message: toExpectation(message) }),
    };
  }
  if ('subscribed' in check) {
    return { ...base, kind: 'subscribed', channels: check.subscribed.channels ?? [], patterns: check.subscribed.patterns ?? [] };
  }
  if ('js' in check) return { ...base, kind: 'js', module: check.js, modulePath: resolve(dirname(file), check.js) };
  return buildProgramCheck(check, base);
}

/** The checks on what an answer did besides the state it left (./schema/program-checks.ts). */
function buildProgramCheck(check: Exclude<CheckFile, { js: string }>, base: { description: CheckFile['description']; wait?: number; hidden?: boolean; index: number; location: SourceLocation }): Check {
  if ('output' in check) {
    const { contains, matches, lines } = check.output;
    return {
      ...base,
      kind: 'output',
      contains: contains === undefined ? [] : Array.isArray(contains) ? contains : [contains],
      ...(matches === undefined ? {} : { matches }),
      ...(lines === undefined ? {} : { lines }),
    };
  }
  if ('exitCode' in check) return { ...base, kind: 'exitCode', exitCode: check.exitCode };
  if ('received' in check) {
    const { channel, count, message, printed } = check.received;
    return { ...base, kind: 'received', channel, count: count ?? { gte: 1 }, ...(message === undefined ? {} : { message: toExpectation(message) }), printed: printed ?? true };
  }
  if ('connections' in check) return { ...base, kind: 'connections', count: check.connections };
  if ('acted' in check) return { ...base, kind: 'acted', trigger: actorTrigger(check.acted, normalizeCommandName) };
  throw new Error('check without a kind field passed validation');
}

/** `expect: 3` means `{ equals: 3 }`; `contains: a` means `contains: [a]`. */
export function toExpectation(expect: ExpectFile): Expectation {
  if (expect === null || typeof expect !== 'object' || Array.isArray(expect)) return { equals: expect };
  const { contains, ...rest } = expect;
  if (contains === undefined) return rest;
  return { ...rest, contains: Array.isArray(contains) ? contains : [contains] };
}

/** `incr` and `config  set` as `INCR` and `CONFIG SET`, the form commands are recorded in. */
export function normalizeCommandName(name: string): string {
  return name.trim().split(/\s+/).join(' ').toUpperCase();
}

type CommandItemFile = Extract<CheckFile, { used: unknown }>['used'];

/** `used:` / `notUsed:` as patterns: a bare name requires nothing of the arguments. */
function commandPatterns(items: CommandItemFile): CommandPattern[] {
  return (Array.isArray(items) ? items : [items]).map((item) => {
    if (typeof item === 'string') return { command: normalizeCommandName(item), with: [], withMatching: [] };
    return { command: normalizeCommandName(item.command), with: listOf(item.with).map(String), withMatching: listOf(item.withMatching) };
  });
}

function listOf<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Each language's files as written, and where they are (beside the YAML). */
function buildProgram(program: ProgramFile, file: string): LoadedProgram {
  const built: LoadedProgram = {};
  for (const [language, files] of Object.entries(program) as Array<[keyof ProgramFile, ProgramFile[keyof ProgramFile]]>) {
    if (files === undefined) continue;
    built[language] = { ...files, starterPath: resolve(dirname(file), files.starter), solutionPath: resolve(dirname(file), files.solution) };
  }
  return built;
}

function buildActor(actor: ActorFile, index: number, source: YamlSource): Actor {
  const path = ['actors', index, 'run'];
  const run = Array.isArray(actor.run)
    ? actor.run.flatMap((line, lineIndex) => scriptLines(line, [...path, lineIndex], source.locateTextLine))
    : scriptLines(actor.run, path, source.locateTextLine);
  const when = actorTrigger(actor.when, normalizeCommandName);
  const delayMs = actor.delay === undefined ? undefined : parseActorDelay(actor.delay);
  return { when, run, say: actor.say, ...(delayMs === undefined ? {} : { delayMs }), index, location: source.locate(['actors', index]) };
}
