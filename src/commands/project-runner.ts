import { homedir } from 'node:os';
import { join } from 'node:path';
import { connectRespLearner } from '../engine/default-learner.js';
import { GradingLane } from '../grade/grading-lane.js';
import { chooseInterpreters } from '../programs/interpreters.js';
import { PROGRESS_HOME_ENV } from '../progress/progress-store.js';
import { learnerProgramEnv } from '../projects/learner-env.js';
import type { ProjectTestSettings } from '../projects/test-project.js';
import { OWNERSHIP_FILE_NAME } from '../redis/ownership.js';

/** How `project test` and `grade --project` run a learner's program: the learner's environment, the interpreters, the limit. */
export function projectTestSettings(options: Record<string, unknown>, env: NodeJS.ProcessEnv, timeoutMs: number, extraPassEnv: readonly string[] = []): ProjectTestSettings {
  const learner = learnerProgramEnv(env, { platform: process.platform, home: homedir() });
  return {
    env: learner.env,
    passEnv: [...learner.passEnv, ...extraPassEnv],
    interpreters: chooseInterpreters({ python: stringOption(options.python), node: stringOption(options.node) }, env),
    handleSignals: true,
    timeoutMs,
  };
}

/** The lane both run on: a private server, or --url (with --force), from the command's options. */
export function openProjectLane(options: Record<string, unknown>, env: NodeJS.ProcessEnv): Promise<GradingLane> {
  const tutorHome = env[PROGRESS_HOME_ENV];
  return GradingLane.open({
    env,
    connectLearner: connectRespLearner,
    handleSignals: true,
    ...(typeof options.url === 'string' && options.url !== '' ? { url: options.url } : {}),
    ...(typeof options.redisServer === 'string' ? { redisServerBin: options.redisServer } : {}),
    ...(options.force === true ? { force: true } : {}),
    ...(tutorHome ? { ownershipFile: join(tutorHome, OWNERSHIP_FILE_NAME) } : {}),
  });
}

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
