import { localize } from './localize.js';
import { NO_PROGRESS, type ExerciseStatus, type ProgressLookup } from './progress-slot.js';
import { cannotRunOn, describeNeeds, hasNeeds, needsOf, runsBesideOn, serverName, serverNeeds, type CannotRun, type ServerFacts } from './requirement-fit.js';
import type { Course, Language, Requirement } from './schema.js';

/** What `list` shows, in one language; also the `--json` output. */
export interface ListModel {
  language: Language;
  modules: ListModule[];
  exerciseCount: number;
  solvedCount: number;
  /** The server the marks are for ("Redis 7.0.15"), when one is known. */
  server?: string;
}

export interface ListModule {
  id: string;
  number: number;
  title: string;
  summary: string;
  /** As written in module.yaml. */
  requires?: Requirement;
  /** What the module needs, in a few words ("Redis 7.4+, HEXPIRE"). */
  needs?: string;
  exerciseCount: number;
  solvedCount: number;
  exercises: ListExercise[];
}

export interface ListExercise {
  /** `module/exercise` */
  id: string;
  number: number;
  title: string;
  status: ExerciseStatus;
  /** Solved after seeing the solution (`:solution` in the tutor); absent otherwise. */
  withHelp?: true;
  checkCount: number;
  hintCount: number;
  /** As written in the exercise file. */
  requires?: Requirement;
  /** What it needs besides what its module needs, in a few words. */
  needs?: string;
  /** Set when the known server cannot run it: why, and how to get one that can. */
  cannotRun?: CannotRun;
  /** Set when it runs on the private server the tutor starts beside a --url one: the one line that says so. */
  runsBeside?: string;
}

/** Solved with help: the learner saw the solution before solving (the progress file's withHelp). */
export type HelpLookup = (exerciseId: string) => boolean;

export interface ListOptions {
  helped?: HelpLookup;
  /** Only these modules (`list --module`); the counts are theirs. */
  moduleIds?: readonly string[];
}

/** `server`: the facts of the server in use, when known; exercises it cannot run are marked. */
export function buildListModel(
  course: Course,
  language: Language,
  progress: ProgressLookup = NO_PROGRESS,
  server?: ServerFacts,
  options: ListOptions = {},
): ListModel {
  const { helped = () => false, moduleIds } = options;
  const shown = moduleIds === undefined ? course.modules : course.modules.filter((module) => moduleIds.includes(module.id));
  const modules = shown.map((module): ListModule => {
    const moduleNeeds = needsOf(module.requires);
    const exercises = module.exercises.map((exercise): ListExercise => {
      const own = needsOf(exercise.requires);
      const cannotRun = cannotRunOn(serverNeeds(module, exercise), server, language);
      const runsBeside = runsBesideOn(serverNeeds(module, exercise), server, language);
      const status = progress(exercise.id);
      return {
        id: exercise.id,
        number: exercise.number,
        title: localize(exercise.title, language),
        status,
        ...(status === 'solved' && helped(exercise.id) ? { withHelp: true as const } : {}),
        checkCount: exercise.checks.length,
        hintCount: exercise.hints.length,
        ...(exercise.requires === undefined ? {} : { requires: exercise.requires }),
        ...(hasNeeds(own) ? { needs: describeNeeds(own, language) } : {}),
        ...(cannotRun ? { cannotRun } : {}),
        ...(runsBeside !== undefined ? { runsBeside } : {}),
      };
    });
    return {
      id: module.id,
      number: module.number,
      title: localize(module.title, language),
      summary: localize(module.summary, language),
      ...(module.requires === undefined ? {} : { requires: module.requires }),
      ...(hasNeeds(moduleNeeds) ? { needs: describeNeeds(moduleNeeds, language) } : {}),
      exerciseCount: exercises.length,
      solvedCount: exercises.filter((exercise) => exercise.status === 'solved').length,
      exercises,
    };
  });
  return {
    language,
    modules,
    exerciseCount: modules.reduce((sum, module) => sum + module.exerciseCount, 0),
    solvedCount: modules.reduce((sum, module) => sum + module.solvedCount, 0),
    ...(server ? { server: serverName(server) } : {}),
  };
}

