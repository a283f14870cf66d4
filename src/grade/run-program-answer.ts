import type { Attempt } from '../engine/attempt.js';
import { ProgramObserver } from '../engine/program-observer.js';
import type { ProgramEnding } from '../engine/program-facts.js';
import { errorMessage } from '../errors.js';
import { sleep, within } from '../lib/async.js';
import { probePython, REDIS_PY_INSTALL, type Interpreters } from '../programs/interpreters.js';
import { programCommand, type ProgramCommand } from '../programs/program-command.js';
import { programEnv } from '../programs/program-env.js';
import { RedisTap } from '../programs/redis-tap.js';
import { runProgram, type ProgramRun } from '../programs/run-program.js';
import { problems } from '../results/problems.js';
import type { Problem, ProgramOutput } from '../results/report-model.js';
import { refuseAnswerFile } from './answer-file.js';
import type { AnswerFile } from './discover-submission.js';
import type { GradingLane } from './grading-lane.js';

export interface ProgramSettings {
  timeoutMs: number;
  outputLimitBytes: number;
  outputKeepBytes: number;
  submissionDir: string;
  env: NodeJS.ProcessEnv;
  passEnv?: readonly string[];
  handleSignals: boolean;
  interpreters: Interpreters;
}

export interface ProgramAnswerRun {
  problem?: Problem;
  output?: ProgramOutput;
}

/** A program still waiting on Redis this long after its actors acted and all went quiet is done: a listener, a worker waiting for more. */
const QUIET_MS = 500;
const WATCH_INTERVAL_MS = 50;
/** runProgram's own deadline comes this much after the grader's, which decides first whether the program was waiting or working. */
const DEADLINE_SLACK_MS = 2_000;
const TAP_CLOSE_MS = 5_000;

/**
 * Runs a program answer against the sandbox, through a tap
 * (src/programs/redis-tap.ts) that sees everything its connections send and
 * receive, while the observer (src/engine/program-observer.ts) makes the
 * exercise's actors act for it. A program that waits on Redis once every
 * actor acted (a listener, a worker loop) is stopped — then, or at the time
 * limit — and judged by the checks like one that exited; one still working
 * at the time limit has timed out.
 */
export async function runProgramAnswer(lane: GradingLane, attempt: Attempt, answer: AnswerFile, settings: ProgramSettings, signal: AbortSignal): Promise<ProgramAnswerRun> {
  const refused = await refuseAnswerFile(settings.submissionDir, answer.absolutePath);
  if (refused !== undefined) return { problem: problems.couldNotRun(refused) };
  const program = await commandFor(answer.absolutePath, settings);

  const observer = new ProgramObserver(attempt, lane.engine.checker);
  const opened = await within(RedisTap.open(lane.learnerSpec(), observer), TAP_CLOSE_MS);
  if (opened.kind !== 'done') return { problem: problems.graderError(opened.kind === 'failed' ? errorMessage(opened.error) : 'the tap did not start') };
  const tap = opened.value;
  observer.watch(tap);

  const stop = new AbortController();
  const stopped: { why?: ProgramEnding } = {};
  const stopAs = (why: ProgramEnding) => {
    if (stop.signal.aborted) return;
    stopped.why = why;
    stop.abort();
  };
  const onLost = () => stopAs('stopped');
  signal.addEventListener('abort', onLost, { once: true });
  if (signal.aborted) onLost();

  let run: ProgramRun;
  try {
    const running = runProgram({
      program,
      cwd: settings.submissionDir,
      env: programEnv(settings.env, tap.spec, settings.passEnv),
      timeoutMs: settings.timeoutMs + DEADLINE_SLACK_MS,
      outputLimitBytes: settings.outputLimitBytes,
      keepBytes: settings.outputKeepBytes,
      signal: stop.signal,
      handleSignals: settings.handleSignals,
    });
    const timedOut = await watchRun(running, observer, attempt, settings.timeoutMs, stopAs);
    run = await running;
    if (timedOut && run.outcome === 'aborted') run = { ...run, outcome: 'timeout' };
  } finally {
    signal.removeEventListener('abort', onLost);
    await within(tap.close(), TAP_CLOSE_MS);
    await within(observer.stop(), TAP_CLOSE_MS);
  }

  const output: ProgramOutput = { exitCode: run.exitCode, signal: run.signal, text: run.output, bytes: run.bytes, truncated: run.truncated };
  const stoppedWaiting = run.outcome === 'aborted' && stopped.why === 'stopped-waiting';
  attempt.useProgram(
    observer.facts({ output: run.output, outputTruncated: run.truncated, exitCode: run.exitCode, signal: run.signal, ending: stoppedWaiting ? 'stopped-waiting' : run.outcome === 'exited' ? 'exited' : 'stopped' }),
  );
  switch (run.outcome) {
    case 'could-not-run':
      return { output, problem: problems.couldNotRun(run.error ?? 'unknown reason') };
    case 'timeout':
      return { output, problem: problems.timeout(settings.timeoutMs / 1000) };
    case 'output-limit':
      return { output, problem: problems.outputLimit(settings.outputLimitBytes) };
    case 'aborted':
      // Stopped while it waited on Redis: judged by the checks. Otherwise the server went away; the caller names why.
      return { output };
    case 'exited': {
      if (run.exitCode === 0) return { output };
      const missing = missingModule(run.output, program, settings.interpreters);
      return { output, problem: missing !== undefined ? problems.couldNotRun(missing) : problems.exitCode(run.exitCode, run.signal) };
    }
  }
}

/**
 * Watches the running program until it ends: stops it when it waits on
 * Redis with nothing left to happen, and at the time limit decides whether
 * it was waiting (stopped, then judged) or still working (timed out).
 */
async function watchRun(
  running: Promise<ProgramRun>,
  observer: ProgramObserver,
  attempt: Attempt,
  timeoutMs: number,
  stopAs: (why: ProgramEnding) => void,
): Promise<boolean> {
  let done = false;
  void running.finally(() => (done = true));
  const deadline = Date.now() + timeoutMs;
  while (!done) {
    await Promise.race([running, sleep(WATCH_INTERVAL_MS)]);
    if (done) return false;
    const atDeadline = Date.now() >= deadline;
    const settled = attempt.actors.allActed() && observer.quietMs() >= QUIET_MS;
    if (!atDeadline && !settled) continue;
    if (await observer.waitingOnRedis()) {
      stopAs('stopped-waiting');
      return false;
    }
    if (atDeadline) {
      stopAs('stopped');
      return true;
    }
  }
  return false;
}

async function commandFor(file: string, settings: ProgramSettings): Promise<ProgramCommand> {
  if (!file.endsWith('.py')) return programCommand(file, { interpreters: settings.interpreters });
  const python = await probePython(settings.interpreters.python, settings.env.PATH);
  return programCommand(file, { interpreters: settings.interpreters, pythonSafePath: python.state === 'runs' ? python.safePathOption : true });
}

/** One clear line for a program that died importing a module the machine lacks: which, for which interpreter, and how to get it. */
export function missingModule(output: string, program: ProgramCommand, interpreters: Interpreters): string | undefined {
  if (program.language === 'python') {
    const name = /ModuleNotFoundError: No module named '([^'.]+)/.exec(output)?.[1];
    if (name === undefined) return undefined;
    if (name === 'redis') return `redis-py is not installed for ${interpreters.python} (${REDIS_PY_INSTALL}; or choose a Python that has it with --python PATH)`;
    return `the Python module ${name} is not installed for ${interpreters.python} (pip install ${name})`;
  }
  if (program.language === 'javascript') {
    const name = /Cannot find (?:package|module) '([^']+)'/.exec(output)?.[1];
    if (name === undefined || name.startsWith('.') || name.startsWith('/')) return undefined;
    return `the package ${name} is not installed where the answer can import it (npm install ${name} in the submission folder)`;
  }
  return undefined;
}
