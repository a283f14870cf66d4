import { performance } from 'node:perf_hooks';
import { sleep } from '../lib/async.js';
import type { CheckerCommand, CheckContext, CompiledCheck } from './checks/compiled-check.js';
import { execPipeline } from './checker-pipeline.js';
import type { CheckResult, ExerciseResult, Verdict } from '../results/check-result.js';
import { errorVerdict } from '../results/check-result.js';

export interface RunChecksOptions {
  /**
   * Honour each check's `wait` (retry a failing check until it passes or its
   * time is up). Grading and validate want it; a caller that evaluates after
   * every keystroke-level event may pass false and evaluate again later.
   */
  wait?: boolean;
  /** Pause between retries of waiting checks. */
  retryIntervalMs?: number;
}

const DEFAULT_RETRY_INTERVAL_MS = 50;

/**
 * Evaluates every check: one pipeline for all the commands the checks need,
 * then retries of failing checks that may wait. Never throws for a failing
 * check; a check that cannot run fails with `error`.
 */
export async function runChecks(id: string, checks: readonly CompiledCheck[], context: CheckContext, options: RunChecksOptions = {}): Promise<ExerciseResult> {
  const started = performance.now();
  const verdicts = await runPass(checks, context);
  const firstPassMs = performance.now() - started;
  let passes = 1;

  if (options.wait !== false) {
    const deadlines = checks.map((compiled) => started + (compiled.check.wait ?? 0));
    const interval = options.retryIntervalMs ?? DEFAULT_RETRY_INTERVAL_MS;
    for (;;) {
      const now = performance.now();
      const retrying = checks.map((_, i) => i).filter((i) => !verdicts[i]?.passed && (deadlines[i] ?? 0) > now);
      if (retrying.length === 0) break;
      await sleep(Math.min(interval, Math.max(0, Math.min(...retrying.map((i) => deadlines[i] ?? 0)) - now)));
      const again = await runPass(retrying.map((i) => checks[i] as CompiledCheck), context);
      retrying.forEach((checkIndex, i) => (verdicts[checkIndex] = again[i] as Verdict));
      passes += 1;
    }
  }

  const results: CheckResult[] = checks.map((compiled, i) => ({
    index: compiled.check.index,
    description: { en: compiled.check.description.en, ru: compiled.check.description.ru ?? compiled.check.description.en },
    ...(compiled.check.hidden === true ? { hidden: true } : {}),
    ...(verdicts[i] as Verdict),
  }));
  return {
    id,
    passed: results.every((result) => result.passed),
    checks: results,
    timings: { checksMs: performance.now() - started, firstPassMs, passes },
  };
}

async function runPass(checks: readonly CompiledCheck[], context: CheckContext): Promise<Verdict[]> {
  const commandsByCheck: CheckerCommand[][] = checks.map((compiled) => safely(() => compiled.commands(context), []));
  let replies: Awaited<ReturnType<typeof execPipeline>>;
  try {
    replies = await execPipeline(context.checker, commandsByCheck.flat());
  } catch (error) {
    // The connection is gone: checks that needed it fail with the reason; the others still judge.
    return Promise.all(checks.map((compiled, i) => ((commandsByCheck[i]?.length ?? 0) > 0 ? Promise.resolve(errorVerdict(error)) : judgeSafely(compiled, [], context))));
  }
  let offset = 0;
  const pending = checks.map((compiled, i) => {
    const count = commandsByCheck[i]?.length ?? 0;
    const own = replies.slice(offset, offset + count);
    offset += count;
    return judgeSafely(compiled, own, context);
  });
  return Promise.all(pending);
}

async function judgeSafely(compiled: CompiledCheck, replies: Parameters<CompiledCheck['judge']>[0], context: CheckContext): Promise<Verdict> {
  try {
    return await compiled.judge(replies, context);
  } catch (error) {
    return errorVerdict(error);
  }
}

function safely<T>(make: () => T, fallback: T): T {
  try {
    return make();
  } catch {
    return fallback;
  }
}
