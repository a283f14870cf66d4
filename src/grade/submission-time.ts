import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTimeSchema } from '../course/schema/assignment.js';
import { UserError } from '../errors.js';
import type { Assignment } from './assignment.js';
import { applyAssignment } from './assignment-points.js';
import type { GradeReport } from '../results/report-model.js';
import type { SubmittedAt } from '../results/points-model.js';

const GIT_TIMEOUT_MS = 10_000;

/**
 * When a submission was made, for the deadline: the commit time of HEAD when
 * the submission folder is a git repository of its own (a student's clone;
 * a folder inside some other repository is not), else the newest
 * modification time of the answer files the report graded (a fresh clone's
 * files all carry the time of the clone, hence git first). Undefined when
 * nothing was submitted. Both come from the student's side: `--submitted-at`
 * (the caller's) is the way to use a time the student cannot set.
 */
export async function readSubmissionTime(dir: string, report: GradeReport, env: NodeJS.ProcessEnv): Promise<SubmittedAt | undefined> {
  const committed = await headCommitTime(dir, env);
  if (committed) return { time: committed.toISOString(), source: 'git' };
  const modified = await newestAnswerTime(dir, report);
  return modified ? { time: modified.toISOString(), source: 'files' } : undefined;
}

async function headCommitTime(dir: string, env: NodeJS.ProcessEnv): Promise<Date | undefined> {
  const dotGit = await stat(join(dir, '.git')).catch(() => undefined);
  if (!dotGit) return undefined;
  // GIT_DIR and friends of the grader's environment would point git at another repository.
  const gitEnv = Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('GIT_')));
  // safe.directory: a CI job's checkout is often owned by another user, which git would refuse to read.
  const seconds = await new Promise<string | undefined>((resolve) => {
    execFile('git', ['-c', 'safe.directory=*', '-C', dir, 'log', '-1', '--format=%ct'], { env: gitEnv, timeout: GIT_TIMEOUT_MS }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim()),
    );
  });
  return seconds && /^\d+$/.test(seconds) ? new Date(Number(seconds) * 1000) : undefined;
}

async function newestAnswerTime(dir: string, report: GradeReport): Promise<Date | undefined> {
  const paths = report.modules.flatMap((module) => module.exercises.flatMap((grade) => (grade.answer ? [grade.answer.path] : [])));
  const times = await Promise.all(paths.map((path) => stat(join(dir, path)).then((info) => info.mtimeMs, () => undefined)));
  const newest = Math.max(...times.filter((time): time is number => time !== undefined));
  return Number.isFinite(newest) ? new Date(Math.round(newest)) : undefined;
}

/**
 * A graded submission scored for an assignment: `submittedAt` (--submitted-at)
 * or, when the assignment has a deadline, the time read from the submission.
 */
export async function scoreSubmission(
  report: GradeReport,
  assignment: Assignment,
  options: { dir: string; submittedAt?: Date; env: NodeJS.ProcessEnv },
): Promise<GradeReport> {
  const submitted: SubmittedAt | undefined = options.submittedAt
    ? { time: options.submittedAt.toISOString(), source: 'option' }
    : assignment.deadline
      ? await readSubmissionTime(options.dir, report, options.env)
      : undefined;
  return applyAssignment(report, assignment, submitted);
}

/** `--submitted-at`: an ISO date-time with a time zone, as an assignment's deadline. */
export function parseSubmittedAt(value: string): Date {
  if (!DateTimeSchema.safeParse(value).success) {
    throw new UserError(`--submitted-at must be an ISO date-time with a time zone, not ${JSON.stringify(value)}.`, 'For example --submitted-at 2025-03-14T21:30:00+03:00, or --submitted-at "$(date -u +%FT%TZ)" for now.');
  }
  return new Date(value);
}
