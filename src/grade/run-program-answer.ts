import type { Attempt } from '../engine/attempt.js';
import { ProgramObserver } from '../engine/program-observer.js';
import { labOnPort } from '../engine/topology/lab-registry.js';
import { labProgramEnv } from '../engine/topology/lab-program-env.js';
import { probePython, type Interpreters } from '../programs/interpreters.js';
import { missingModule } from '../programs/missing-module.js';
import { programCommand, type ProgramCommand } from '../programs/program-command.js';
import { programEnv } from '../programs/program-env.js';
import { runObservedProgram } from '../programs/run-observed-program.js';
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
  /** The output as it comes (the TUI's live pane). */
  onOutput?: (text: string) => void;
  /** Stops the program as if the server had gone (the TUI: a newer save came). */
  cancel?: AbortSignal;
}

export interface ProgramAnswerRun {
  problem?: Problem;
  output?: ProgramOutput;
}

/**
 * Runs a program answer against the sandbox (src/programs/run-observed-program.ts)
 * while the observer (src/engine/program-observer.ts) makes the exercise's
 * actors act for it, then hands the attempt what the program did for the
 * checks. A program stopped while it waited on Redis (a listener, a worker
 * loop) has no problem: the checks judge it.
 */
export async function runProgramAnswer(lane: GradingLane, attempt: Attempt, answer: AnswerFile, settings: ProgramSettings, signal: AbortSignal): Promise<ProgramAnswerRun> {
  const refused = await refuseAnswerFile(settings.submissionDir, answer.absolutePath);
  if (refused !== undefined) return { problem: problems.couldNotRun(refused) };
  const program = await commandFor(answer.absolutePath, settings);
  const sandbox = lane.learnerSpec();
  // On a lab the program also gets the other nodes' addresses (REDIS_SENTINELS, REDIS_CLUSTER_NODES...).
  const lab = labOnPort(lane.target.spec.port);
  const labEnv = lab === undefined ? {} : labProgramEnv(lab);
  const observer = new ProgramObserver(attempt, lane.engine.checker, sandbox.password === undefined ? [] : [sandbox.password]);
  const observed = await runObservedProgram({
    program,
    cwd: settings.submissionDir,
    sandbox,
    watcher: observer,
    env: (spec) => ({ ...programEnv(settings.env, spec, settings.passEnv), ...labEnv }),
    timeoutMs: settings.timeoutMs,
    outputLimitBytes: settings.outputLimitBytes,
    keepBytes: settings.outputKeepBytes,
    signal: settings.cancel ? eitherSignal(signal, settings.cancel) : signal,
    handleSignals: settings.handleSignals,
    onOutput: (text) => {
      observer.printed(text);
      settings.onOutput?.(text);
    },
  });
  if ('tapFailed' in observed) return { problem: problems.graderError(observed.tapFailed) };
  const { run, stoppedWaiting } = observed;

  const output: ProgramOutput = { exitCode: run.exitCode, signal: run.signal, text: run.output, bytes: run.bytes, truncated: run.truncated };
  const ending = stoppedWaiting ? 'stopped-waiting' : run.outcome === 'exited' ? 'exited' : 'stopped';
  attempt.useProgram(observer.facts({ output: run.output, outputTruncated: run.truncated, exitCode: run.exitCode, signal: run.signal, ending }));
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
      // An exercise that names the exit code its program must end with (`exitCode: 2` for "neither password works") judges it by that check.
      if (run.exitCode === 0 || expectsExitCode(attempt, run.exitCode)) return { output };
      const missing = missingModule(run.output, program, settings.interpreters);
      return { output, problem: missing !== undefined ? problems.couldNotRun(missing) : problems.exitCode(run.exitCode, run.signal) };
    }
  }
}

function expectsExitCode(attempt: Attempt, code: number | null): boolean {
  return attempt.exercise.checks.some((check) => 'exitCode' in check && check.exitCode === code);
}

/** Python 3.11 and newer run the answer with -P; an older one (asked once) gets the bootstrap that does the same. */
async function commandFor(file: string, settings: ProgramSettings): Promise<ProgramCommand> {
  if (!file.endsWith('.py')) return programCommand(file, { interpreters: settings.interpreters });
  const python = await probePython(settings.interpreters.python, settings.env.PATH);
  return programCommand(file, { interpreters: settings.interpreters, pythonSafePath: python.state === 'runs' ? python.safePathOption : true });
}

/** Aborted when either is (AbortSignal.any is Node 20.3+; the tutor supports 20.0). */
function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  const both = new AbortController();
  const abort = () => both.abort();
  for (const signal of [a, b]) {
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  }
  return both.signal;
}
