import { pathToFileURL } from 'node:url';
import type { JsCheck } from '../../course/schema.js';
import type { CheckApiResult, CheckFunction } from '../check-api.js';
import type { Verdict } from '../result.js';
import type { CompiledCheck } from './compiled-check.js';

/** A js check that never settles must not hang the tutor. */
const JS_CHECK_TIMEOUT_MS = 10_000;

/** `js`: the default export of the module beside the YAML, imported once per process. */
export function compileJsCheck(check: JsCheck): CompiledCheck {
  return {
    check,
    commands: () => [],
    async judge(_replies, context) {
      const run = await loadCheckFunction(check.modulePath);
      const api = { redis: context.checker, commands: context.commands, run: context.runLine };
      const result = await withTimeout(Promise.resolve(run(api)), JS_CHECK_TIMEOUT_MS, `${check.module} did not finish within ${JS_CHECK_TIMEOUT_MS} ms`);
      return toVerdict(result, check.module);
    },
  };
}

const loaded = new Map<string, Promise<CheckFunction>>();

function loadCheckFunction(path: string): Promise<CheckFunction> {
  let promise = loaded.get(path);
  if (!promise) {
    promise = import(pathToFileURL(path).href).then((module: { default?: unknown }) => {
      if (typeof module.default !== 'function') throw new Error(`${path} has no default export function`);
      return module.default as CheckFunction;
    });
    // A failed import is retried next time: the author may be fixing the file while the tutor runs.
    promise.catch(() => loaded.delete(path));
    loaded.set(path, promise);
  }
  return promise;
}

function toVerdict(result: CheckApiResult, module: string): Verdict {
  if (typeof result === 'boolean') return result ? { passed: true } : { passed: false, expected: `${module} to pass`, found: 'it did not' };
  if (typeof result !== 'object' || result === null || typeof result.passed !== 'boolean') {
    return { passed: false, error: `${module} returned ${JSON.stringify(result)}, not a boolean or { passed }` };
  }
  if (result.passed) return { passed: true };
  return { passed: false, expected: result.expected ?? `${module} to pass`, found: result.found ?? 'it did not' };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
