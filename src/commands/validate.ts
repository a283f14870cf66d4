import { checkCourse } from '../course/check-course.js';
import { resolveCourseDir } from '../course/course-dir.js';
import { hasErrors } from '../course/course-problems.js';
import { Engine } from '../engine/engine.js';
import { Supervisor } from '../engine/supervisor.js';
import { connectRespLearner } from '../engine/default-learner.js';
import type { ConnectLearner } from '../engine/learner-connection.js';
import { renderValidateReport, reportHolds, type ValidateReport } from '../validate/render-validate.js';
import { unknownServerCommands } from '../validate/server-commands.js';
import { validateSolutions } from '../validate/validate-solutions.js';
import { loadProjectsToValidate, projectsDirOf, validateProjectSolutions, type ProjectValidation } from '../validate/validate-projects.js';
import type { LoadedProject } from '../projects/load-project.js';
import { GradingLane } from '../grade/grading-lane.js';
import { chooseInterpreters } from '../programs/interpreters.js';
import { EXIT } from '../errors.js';
import type { Action } from './action.js';
import { acquireRedis } from '../redis/acquire.js';

/** Each run of a project's program, as `project test` allows by default. */
const PROJECT_RUN_TIMEOUT_MS = 10_000;
const PROJECT_LANES = 3;

export interface ValidateRun {
  dir: string;
  solutions: boolean;
  url?: string;
  redisServerBin?: string;
  force?: boolean;
  env: NodeJS.ProcessEnv;
  ownershipFile?: string;
  connectLearner?: ConnectLearner;
  /** Kill programs (program exercises) on SIGINT/SIGTERM; default true. In-process tests pass false. */
  handleSignals?: boolean;
}

/** Lints the course and, with solutions, runs every reference solution on a real Redis. Never prints. */
export async function runValidate(run: ValidateRun): Promise<ValidateReport> {
  const { course, problems } = await checkCourse(run.dir);
  const exercises = course.modules.flatMap((module) => module.exercises.map((exercise) => ({ id: exercise.id, file: exercise.file })));
  const projectsDir = projectsDirOf(run.dir);
  const { projects, failures } = projectsDir !== undefined ? await loadProjectsToValidate(projectsDir) : { projects: [], failures: [] };
  const projectsLoaded = projects.map((project) => ({ project: project.id, dir: project.dir, file: project.file, rule: 'loads' as const, holds: true }));
  if (!run.solutions) return { problems, exercises, projects: [...failures, ...projectsLoaded] };
  const target = await acquireRedis({
    env: run.env,
    ...(run.url !== undefined ? { url: run.url } : {}),
    ...(run.redisServerBin !== undefined ? { redisServerBin: run.redisServerBin } : {}),
    ...(run.ownershipFile !== undefined ? { ownershipFile: run.ownershipFile } : {}),
  });
  try {
    const supervisor = await Supervisor.open(target, {
      openEngine: (on) =>
        Engine.open(on, {
          connectLearner: run.connectLearner ?? connectRespLearner,
          ...(run.force !== undefined ? { force: run.force } : {}),
          ...(run.ownershipFile !== undefined ? { ownershipFile: run.ownershipFile } : {}),
        }),
    });
    try {
      // Exercises whose files have errors did not load; the rest run even when others are broken.
      const programs = { env: run.env, handleSignals: run.handleSignals ?? true };
      const solutions = await validateSolutions(course, supervisor, programs);
      // Warnings only: commands this server does not know (../validate/server-commands.ts).
      const unknown = await unknownServerCommands(course, supervisor.engine.checker, target);
      const projectRules = await validateProjects(run, supervisor, projects, programs.handleSignals);
      return { problems: [...problems, ...unknown], exercises, solutions, projects: [...failures, ...projectRules], server: target.describe() };
    } finally {
      await supervisor.close();
    }
  } finally {
    await target.release();
  }
}

/**
 * The projects' rules, on the validate's own lane and, on servers the tutor
 * starts itself, PROJECT_LANES - 1 more: a project runs its program a few
 * dozen times, most of it waiting on processes, not on the CPU.
 */
async function validateProjects(run: ValidateRun, supervisor: Supervisor, projects: readonly LoadedProject[], handleSignals: boolean): Promise<ProjectValidation[]> {
  if (projects.length === 0) return [];
  const extra = supervisor.target.owned ? Math.min(PROJECT_LANES, projects.length) - 1 : 0;
  const opened = await Promise.all(
    Array.from({ length: extra }, () =>
      GradingLane.open({
        env: run.env,
        connectLearner: run.connectLearner ?? connectRespLearner,
        handleSignals,
        ...(run.redisServerBin !== undefined ? { redisServerBin: run.redisServerBin } : {}),
      }),
    ),
  );
  try {
    return await validateProjectSolutions([GradingLane.over(supervisor), ...opened], projects, {
      env: run.env,
      interpreters: chooseInterpreters({}, run.env),
      handleSignals,
      timeoutMs: PROJECT_RUN_TIMEOUT_MS,
    });
  } finally {
    await Promise.all(opened.map((lane) => lane.close()));
  }
}

/** `redis-tutor validate [DIR | --course DIR] [--solutions] [--url URL] [--force]` */
export const validateAction: Action = async ({ options, operands, io }) => {
  const report = await runValidate({
    dir: await resolveCourseDir({ option: options.course, ...(operands[0] !== undefined ? { operand: operands[0] } : {}) }, io.env, io.cwd),
    solutions: options.solutions === true,
    env: io.env,
    ...(typeof options.url === 'string' ? { url: options.url } : {}),
    ...(typeof options.redisServer === 'string' ? { redisServerBin: options.redisServer } : {}),
    ...(options.force === true ? { force: true } : {}),
  });
  io.stdout.write(renderValidateReport(report, io.cwd));
  return reportHolds(report) && !hasErrors(report.problems) ? EXIT.ok : EXIT.failed;
};
