import { readFile } from 'node:fs/promises';
import type { Course } from '../course/schema.js';
import { AssignmentFileSchema, type AssignmentEntry, type AssignmentFile } from '../course/schema/assignment.js';
import { parseYamlSource, type YamlSource } from '../course/yaml-source.js';
import { explainIssues } from '../course/zod-issues.js';
import { UserError, errorMessage, isTutorError } from '../errors.js';
import { selectExercises } from './select-exercises.js';

/** One exercise of an assignment, resolved against the course. */
export interface AssignedExercise {
  /** `module/exercise` */
  id: string;
  points: number;
  partial: boolean;
  /** Every check of the exercise: what partial credit divides by, also when the checks did not run. */
  checkCount: number;
}

export interface LatePolicy {
  /** false: a late submission gets no points. */
  accept: boolean;
  /** Fraction of the points taken off per started day late (0 to 1). */
  penaltyPerDay: number;
}

/** An assignment file, its ids resolved against the course; what grading and scoring read. */
export interface Assignment {
  title: string;
  /** The file as the person gave it (reports show it). */
  file: string;
  /** In course order, keyed by `module/exercise`. */
  exercises: ReadonlyMap<string, AssignedExercise>;
  deadline?: Date;
  late: LatePolicy;
}

const SCHEMA_HINT = 'schema/assignment.schema.json of redis-tutor describes the fields; docs/ci-grading.md has an example.';

/**
 * Reads and checks an assignment file, and resolves its exercises and
 * modules against the course. Anything wrong (unreadable, bad YAML, a field
 * the format does not have, an id the course does not have, an exercise
 * listed twice) is a UserError naming the place, so nothing is graded
 * against an assignment that does not say what the teacher meant.
 */
export async function loadAssignment(path: string, label: string, course: Course): Promise<Assignment> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read the assignment file ${label}: ${errorMessage(error)}.`, 'Check the path given to --assignment.', { cause: error });
  }
  const source = parseYamlSource(path, text);
  const file = validAssignment(source, label);
  return {
    title: file.title,
    file: label,
    exercises: resolveExercises(file.exercises, course, label),
    ...(file.deadline !== undefined ? { deadline: new Date(file.deadline) } : {}),
    late: { accept: file.late?.accept ?? true, penaltyPerDay: file.late?.penalty ?? 0 },
  };
}

function validAssignment(source: YamlSource, label: string): AssignmentFile {
  const syntax = source.problems.filter((problem) => problem.severity === 'error');
  const at = (line: number | undefined, column: number | undefined) => (line === undefined ? label : `${label}:${line}:${column ?? 1}`);
  if (syntax[0]) throw invalid(`${at(syntax[0].line, syntax[0].column)}: ${syntax[0].message}`, syntax.length);
  const parsed = AssignmentFileSchema.safeParse(source.value);
  if (parsed.success) return parsed.data;
  const issues = explainIssues(parsed.error.issues, source.value).map((issue) => {
    const place = issue.key === undefined ? source.locate(issue.path) : source.locateKey(issue.path, issue.key);
    return `${at(place.line, place.column)}: ${issue.message}`;
  });
  throw invalid(issues[0] ?? `${label}: expected a map with title and exercises`, issues.length);
}

function invalid(first: string, count: number): UserError {
  return new UserError(`the assignment ${first}${count > 1 ? ` (and ${count - 1} more)` : ''}.`, `Fix it and run again; ${SCHEMA_HINT}`);
}

/**
 * Each entry to the exercises it names, with --exercise's rules for ids (a
 * unique short id is enough, a typo gets suggestions). An exercise named on
 * its own overrides a module entry that holds it; the same exercise twice
 * at the same level is a mistake worth stopping for.
 */
function resolveExercises(entries: readonly AssignmentEntry[], course: Course, label: string): Map<string, AssignedExercise> {
  const fromModules = new Map<string, { exercise: AssignedExercise; index: number }>();
  const named = new Map<string, { exercise: AssignedExercise; index: number }>();
  entries.forEach((entry, index) => {
    const place = `${label}: exercises[${index}]`;
    const byModule = typeof entry === 'object' && 'module' in entry;
    const selection = withPlace(place, () => selectExercises(course, byModule ? { moduleId: entry.module } : { exerciseId: typeof entry === 'string' ? entry : entry.id }));
    const into = byModule ? fromModules : named;
    for (const exercise of selection.flatMap((chosen) => chosen.exercises)) {
      const earlier = into.get(exercise.id);
      if (earlier) throw new UserError(`the assignment ${place} lists ${exercise.id} again (exercises[${earlier.index}] has it).`, 'List each exercise once; an exercise named on its own may override its module entry.');
      const rule: { points?: number; partial?: boolean } = typeof entry === 'string' ? {} : entry;
      into.set(exercise.id, { index, exercise: { id: exercise.id, points: rule.points ?? 1, partial: rule.partial ?? false, checkCount: exercise.checks.length } });
    }
  });
  const resolved = new Map<string, AssignedExercise>();
  for (const module of course.modules) {
    for (const exercise of module.exercises) {
      const chosen = named.get(exercise.id) ?? fromModules.get(exercise.id);
      if (chosen) resolved.set(exercise.id, chosen.exercise);
    }
  }
  return resolved;
}

/** A UserError from resolving an id, said as a problem of the assignment file. */
function withPlace<T>(place: string, resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    if (isTutorError(error) && error instanceof UserError) throw new UserError(`the assignment ${place}: ${error.message}`, error.nextStep, { cause: error });
    throw error;
  }
}
