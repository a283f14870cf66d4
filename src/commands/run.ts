import { join } from 'node:path';
import { resolveCourseDir } from '../course/course-dir.js';
import { resolveLanguage } from '../course/language.js';
import { textStyle } from '../course/text-style.js';
import { UserError } from '../errors.js';
import { chooseInterpreters } from '../programs/interpreters.js';
import { PROGRESS_HOME_ENV } from '../progress/progress-store.js';
import { parseProgramLanguage } from '../projects/program-language.js';
import { renderRunHeader, renderRunResult, runExitCode } from '../projects/render-run.js';
import { prepareRun, runProgramOnce } from '../projects/run-exercise.js';
import { OWNERSHIP_FILE_NAME } from '../redis/ownership.js';
import type { Action } from './action.js';

/**
 * `redis-tutor run MODULE/EXERCISE [FILE] [--course DIR] [--in python|javascript] [--workspace DIR]
 * [--timeout SECONDS] [--lang en|ru] [--url URL] [--redis-server PATH] [--force]`
 *
 * Runs the learner's program once against a clean sandbox, prints its output
 * and the checklist. Exit 0 when solved, 1 when not yet, 2 for usage and
 * environment errors (and a program that could not be started).
 */
export const runAction: Action = async ({ options, operands, io }) => {
  const [exerciseId, file] = operands;
  if (exerciseId === undefined) throw new UserError('run needs an exercise id.', 'Example: redis-tutor run getting-started/first-program');
  const language = resolveLanguage(options.lang, io.env);
  const programLanguage = parseProgramLanguage(options.in);
  const timeoutMs = parseTimeout(options.timeout);
  const style = textStyle(io.stdout, io.env);

  const prepared = await prepareRun({
    courseDir: await resolveCourseDir({ option: options.course }, io.env, io.cwd),
    exerciseId,
    env: io.env,
    cwd: io.cwd,
    ...(file !== undefined ? { file } : {}),
    ...(programLanguage !== undefined ? { language: programLanguage } : {}),
    ...(typeof options.workspace === 'string' ? { workspace: options.workspace } : {}),
  });
  if (prepared.note !== undefined) io.stderr.write(prepared.note);
  io.stdout.write(renderRunHeader(prepared, language, style));

  // REDIS_TUTOR_HOME moves everything the tutor keeps on this machine, what it knows of --url databases too.
  const tutorHome = io.env[PROGRESS_HOME_ENV];
  const result = await runProgramOnce(prepared, {
    env: io.env,
    handleSignals: true,
    interpreters: chooseInterpreters({ python: stringOption(options.python), node: stringOption(options.node) }, io.env),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(typeof options.url === 'string' && options.url !== '' ? { url: options.url } : {}),
    ...(typeof options.redisServer === 'string' ? { redisServerBin: options.redisServer } : {}),
    ...(options.force === true ? { force: true } : {}),
    ...(tutorHome ? { ownershipFile: join(tutorHome, OWNERSHIP_FILE_NAME) } : {}),
  });
  const rerun = ['redis-tutor run', exerciseId, ...(file !== undefined ? [file] : []), ...(programLanguage !== undefined ? ['--in', programLanguage] : [])].join(' ');
  io.stdout.write(renderRunResult(result, rerun, language, style));
  return runExitCode(result.grade);
};

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function parseTimeout(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(seconds) || seconds < 0.1 || seconds > 3600) {
    throw new UserError(`--timeout must be a number of seconds from 0.1 to 3600, not ${JSON.stringify(value)}.`, 'For example --timeout 30.');
  }
  return seconds * 1000;
}
