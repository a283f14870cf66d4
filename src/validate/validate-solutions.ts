import { performance } from 'node:perf_hooks';
import type { BilingualText } from '../results/check-result.js';
import type { Course, LoadedExercise, LoadedModule, ProgramLanguage } from '../course/schema.js';
import type { ServerFacts } from '../course/requirement-fit.js';
import { exerciseServers, readCourseServerFacts, skipReason } from '../engine/requirements.js';
import type { Supervisor } from '../engine/supervisor.js';
import type { ExerciseGrade } from '../results/report-model.js';
import type { ProgramFileSettings } from '../projects/grade-program-file.js';
import { validateCounterExamples } from './validate-counter-examples.js';
import { validatePrograms } from './validate-programs.js';
import { validateProgramCounterExample } from './validate-program-counter-example.js';
import { onExerciseServers } from '../engine/topology/topology-lab.js';
import { gradeHeader, runTypedAnswer } from './run-typed-answer.js';

/** How one exercise fared under `validate --solutions`: the shared result model, and where the exercise lives. */
export interface SolutionValidation {
  /** Absolute path of the exercise's YAML file. */
  file: string;
  result: ExerciseGrade;
  resetMs?: number;
  /** A program exercise's starter and solution in this language; absent for the redis-cli solution. */
  language?: ProgramLanguage;
  /** Set for the result of a counter-example: it holds when at least one check failed. */
  counterExample?: CounterExampleRef;
}

/** Which counter-example a result is about, as `validate` names it. */
export interface CounterExampleRef {
  /** Position in `counterExamples` (0-based). */
  index: number;
  why: BilingualText;
  /** Where it starts in the YAML file. */
  line: number;
}

/**
 * The rules of `validate --solutions`, per exercise on a clean sandbox:
 * after setup alone at least one check fails; after the solution all pass;
 * after the reset nothing the solution did is left; and each counter-example
 * (a typical wrong answer) fails at least one check. A program exercise's
 * starter and solution in each language are held to the same rules, run as
 * programs (./validate-programs.ts). Between exercises the supervisor makes
 * sure the server still answers, whatever a solution did.
 */
export async function validateSolutions(course: Course, supervisor: Supervisor, programs: ProgramFileSettings): Promise<SolutionValidation[]> {
  const results: SolutionValidation[] = [];
  // Read once: restarts and reconnects bring back the same kind of server.
  const mainServer = await readCourseServerFacts(supervisor.engine.checker, course, supervisor.target);
  // Under --url, an exercise that needs a server the tutor owns runs on the private one beside it.
  const serverFor = exerciseServers(supervisor, course, mainServer);
  for (const module of course.modules) {
    for (const exercise of module.exercises) {
      const { supervisor: on, server } = await serverFor(module, exercise);
      // A program exercise may have no redis-cli solution: its starters and solutions are what holds or not.
      if (exercise.program === undefined || exercise.solution !== '') {
        // A lab (topology:) runs on servers of its own, fresh for each run.
        const typed = await onExerciseServers(exercise, on, (lab) => validateOne(module, exercise, lab, server));
        results.push(typed);
        await on.ensureHealthy();
        if (typed.result.status === 'skipped') continue;
      }
      // What the server lacks for the solution it lacks for the wrong answers too.
      if (skipReason(module, exercise, server) === undefined) results.push(...(await counterExamplesOn({ module, exercise }, on, programs)));
      if (exercise.program === undefined) continue;
      for (const { language, result, resetMs } of await validatePrograms(module, exercise, on, programs)) {
        results.push({ file: exercise.file, result, resetMs, language });
      }
    }
  }
  return results;
}

/**
 * A lab's counter-examples each get a fresh lab, as its solution does; other
 * exercises' run one after another on `on`. A program counter-example runs
 * as the exercise's program solutions do.
 */
async function counterExamplesOn(where: { module: LoadedModule; exercise: LoadedExercise }, on: Supervisor, programs: ProgramFileSettings): Promise<SolutionValidation[]> {
  const { exercise } = where;
  const results: SolutionValidation[] = [];
  for (const counterExample of exercise.counterExamples) {
    const { program } = counterExample;
    if (program !== undefined) {
      results.push(await validateProgramCounterExample(where, { ...counterExample, program }, on, programs));
      await on.ensureHealthy();
      continue;
    }
    const typed = { ...exercise, counterExamples: [counterExample] };
    results.push(...(await onExerciseServers(exercise, on, (lab) => validateCounterExamples(typed, lab))));
  }
  return results;
}

async function validateOne(module: LoadedModule, exercise: LoadedExercise, supervisor: Supervisor, server: ServerFacts): Promise<SolutionValidation> {
  const header = gradeHeader(exercise);
  const skipped = skipReason(module, exercise, server);
  if (skipped !== undefined) return { file: exercise.file, result: { ...header, status: 'skipped', skipReason: skipped, checks: [] } };
  const started = performance.now();
  const run = await runTypedAnswer(supervisor.engine, exercise, exercise.solutionLines, { checkBeforeAnswer: true });
  const findings = [
    ...(run.passedBeforeAnswer ? ['the checks already pass after setup alone (the learner would be done before starting)'] : []),
    ...run.resetFindings,
  ];
  const { checks, lineErrors, failure } = run;
  const holds = failure === undefined && findings.length === 0 && lineErrors.length === 0 && checks.length > 0 && checks.every((check) => check.passed);
  const result: ExerciseGrade = {
    ...header,
    status: holds ? 'passed' : 'failed',
    answer: { path: 'solution', kind: 'redis' },
    ...(failure ? { problem: failure } : {}),
    ...(findings.length > 0 ? { findings } : {}),
    checks,
    ...(lineErrors.length > 0 ? { lineErrors } : {}),
    timings: { answerMs: run.answerMs, checksMs: run.checksMs, totalMs: performance.now() - started },
  };
  return { file: exercise.file, result, ...(run.resetMs !== undefined ? { resetMs: run.resetMs } : {}) };
}

