import { performance } from 'node:perf_hooks';
import type { LoadedExercise } from '../course/schema.js';
import { errorMessage } from '../errors.js';
import { DEFAULT_OUTPUT_LIMIT_BYTES } from '../grade/grade-submission.js';
import type { GradingLane } from '../grade/grading-lane.js';
import type { Interpreters } from '../programs/interpreters.js';
import type { CheckResult } from '../results/check-result.js';
import { problems } from '../results/problems.js';
import type { ExerciseGrade, Problem } from '../results/report-model.js';
import type { LoadedProject, LoadedStage, LoadedStep } from './load-project.js';
import { runProjectStep, type StepRun } from './run-project-step.js';
import { splitWords, studentCommand, type StudentProject } from './student-project.js';

/** A stage's result in the grade report's model, with where it failed. */
export type StageGrade = ExerciseGrade & {
  stage: number;
  /** Failed: the step (1-based) and the command lines it ran. */
  failedStep?: { step: number; ran: string[] };
  /** Failed: the first failing check (the one the learner is shown). */
  failedCheck?: CheckResult;
};

export interface ProjectTestSettings {
  env: NodeJS.ProcessEnv;
  passEnv?: readonly string[];
  interpreters: Interpreters;
  handleSignals: boolean;
  /** Per program run. */
  timeoutMs: number;
}

export interface ProjectTestResult {
  project: { id: string; variant: number; title: LoadedProject['title'] };
  /** Stages run, in order, up to the first that failed. */
  stages: StageGrade[];
  passed: boolean;
}

const KEEP_BYTES = 16 * 1024;

/**
 * Tests the learner's program stage by stage (`stageNumbers`, in order;
 * `project test` gives 1..N), each on a clean sandbox, stopping at the
 * first that fails: CodeCrafters' order, so a later stage never hides an
 * earlier regression.
 */
export async function testProject(lane: GradingLane, project: LoadedProject, student: StudentProject, stageNumbers: readonly number[], settings: ProjectTestSettings): Promise<ProjectTestResult> {
  const stages: StageGrade[] = [];
  const chosen = project.stages.filter((stage) => stageNumbers.includes(stage.number));
  for (const stage of chosen) {
    const grade = await testStage(lane, project, stage, student, settings);
    stages.push(grade);
    if (grade.status !== 'passed') break;
  }
  return {
    project: { id: project.id, variant: project.variant, title: project.title },
    stages,
    passed: stages.length === chosen.length && stages.every((stage) => stage.status === 'passed'),
  };
}

async function testStage(lane: GradingLane, project: LoadedProject, stage: LoadedStage, student: StudentProject, settings: ProjectTestSettings): Promise<StageGrade> {
  const started = performance.now();
  const base = {
    id: `${project.id}/${stage.id}`,
    exercise: stage.id,
    title: { en: stage.title.en, ru: stage.title.ru ?? stage.title.en },
    stage: stage.number,
    answer: { path: student.file.slice(student.dir.length + 1), kind: 'program' as const },
  };
  const checks: CheckResult[] = [];
  let answerMs = 0;
  let checksMs = 0;
  const timings = () => ({ answerMs, checksMs, totalMs: performance.now() - started });
  for (const [index, step] of stage.steps.entries()) {
    const ran = step.kind === 'listen' ? [step.listener ?? [], ...step.runs] : step.runs;
    const failed = (extra: Partial<StageGrade>): StageGrade => ({
      ...base,
      status: 'failed',
      checks,
      failedStep: { step: index + 1, ran: ran.map((args) => commandLine(student.command, args)) },
      ...extra,
      timings: timings(),
    });
    let runs: StepRun[];
    const answerStarted = performance.now();
    try {
      await lane.ensureHealthy();
      const attempt = await lane.engine.startAttempt(stepExercise(project, stage, step, index), { keepSandbox: index > 0 });
      runs = await runProjectStep(lane, attempt, step, {
        command: (args) => studentCommand(student.command, args, settings.interpreters),
        cwd: student.dir,
        env: settings.env,
        ...(settings.passEnv !== undefined ? { passEnv: settings.passEnv } : {}),
        timeoutMs: settings.timeoutMs,
        outputLimitBytes: DEFAULT_OUTPUT_LIMIT_BYTES,
        keepBytes: KEEP_BYTES,
        handleSignals: settings.handleSignals,
      });
      answerMs += performance.now() - answerStarted;
      const broken = runs.find((run) => run.problem !== undefined);
      if (broken !== undefined) return failed({ problem: runProblem(broken, settings.timeoutMs), output: outputOf(broken) });
      const checksStarted = performance.now();
      const evaluated = await attempt.evaluate();
      checksMs += performance.now() - checksStarted;
      checks.push(...evaluated.checks.map((check) => ({ ...check, index: checks.length + check.index })));
      const failing = evaluated.checks.find((check) => !check.passed);
      const shown = runs.find((run) => run.facts.exitCode !== 0) ?? runs[0];
      if (failing !== undefined) return failed({ failedCheck: failing, ...(shown !== undefined ? { output: outputOf(shown) } : {}) });
    } catch (error) {
      return failed({ problem: problems.graderError(errorMessage(error)) });
    }
  }
  return { ...base, status: 'passed', checks, timings: timings() };
}

/** A step as the engine's attempt sees it: its checks, and the stage's setup before the first step. */
function stepExercise(project: LoadedProject, stage: LoadedStage, step: LoadedStep, index: number): LoadedExercise {
  return {
    id: `${project.id}/${stage.id}`,
    localId: stage.id,
    moduleId: project.id,
    number: stage.number,
    file: project.file,
    title: stage.title,
    lesson: stage.description,
    task: stage.description,
    hints: [],
    solution: '',
    solutionLines: [],
    setupLines: index === 0 ? stage.setupLines : [],
    keys: [],
    docs: [],
    actors: [],
    checks: step.checks,
    counterExamples: [],
    locate: () => step.location,
  };
}

function runProblem(run: StepRun, timeoutMs: number): Problem {
  if (run.problem === 'timeout') return problems.timeout(timeoutMs / 1000);
  if (run.problem === 'output-limit') return problems.outputLimit(DEFAULT_OUTPUT_LIMIT_BYTES);
  if (run.problem === 'could-not-run') return problems.couldNotRun(run.error ?? 'unknown reason');
  return problems.graderError(run.error ?? 'unknown reason');
}

function outputOf(run: StepRun): NonNullable<ExerciseGrade['output']> {
  const { facts } = run;
  return { exitCode: facts.exitCode, signal: facts.signal, text: facts.output, bytes: Buffer.byteLength(facts.output), truncated: facts.outputTruncated };
}

/** `python3 app.py visit /home`, as the learner would type it. */
export function commandLine(command: string, args: readonly string[]): string {
  const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
  return [...splitWords(command), ...args].map(quote).join(' ');
}
