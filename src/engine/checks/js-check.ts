import { pathToFileURL } from 'node:url';
import { withTimeout } from '../../lib/async.js';
import { prepareImport } from '../../lib/typescript-loader.js';
import type { Check, JsCheck } from '../../course/schema.js';
import type { CheckApiResult, CheckFunction } from '../check-api.js';
import { BilingualError, verbatim, type BilingualText, type Verdict } from '../../results/check-result.js';
import { JS } from '../texts.js';
import type { CompiledCheck } from './compiled-check.js';
import { describeJsCheckError } from './js-check-error.js';

/** A js check that never settles must not hang the tutor. */
const JS_CHECK_TIMEOUT_MS = 10_000;

/** `js`: the default export of the module beside the YAML (JavaScript, or TypeScript made JavaScript as it loads), imported once per process. */
export function compileJsCheck(check: JsCheck): CompiledCheck {
  return {
    check,
    commands: () => [],
    async judge(_replies, context) {
      // An error says where it happened in the check file, for the author (./js-check-error.ts).
      const run = await loadCheckFunction(check.modulePath).catch(async (error: unknown) => {
        throw new BilingualError(await describeJsCheckError(error, check, true));
      });
      const api = { redis: context.checker, commands: context.commands, run: context.runLine };
      const result = await withTimeout(
        Promise.resolve().then(() => run(api)),
        JS_CHECK_TIMEOUT_MS,
        () => new BilingualError(JS.timeout(check.module, JS_CHECK_TIMEOUT_MS)),
      ).catch(async (error: unknown) => {
        throw new BilingualError(await describeJsCheckError(error, check, false));
      });
      return toVerdict(result, check.module);
    },
  };
}

const loaded = new Map<string, Promise<CheckFunction>>();

/**
 * Imports the js checks of some exercises ahead of time, so the first
 * evaluation does not also pay for loading them (a .ts check loads the
 * TypeScript compiler, seconds on a busy machine, which a grader's bound on
 * the checks would count against the answer). A module that does not load
 * is left for its check to report when it runs.
 */
export async function preloadJsChecks(checks: readonly Check[]): Promise<void> {
  const paths = new Set(checks.flatMap((check) => (check.kind === 'js' ? [check.modulePath] : [])));
  await Promise.all([...paths].map((path) => loadCheckFunction(path).catch(() => undefined)));
}

function loadCheckFunction(path: string): Promise<CheckFunction> {
  let promise = loaded.get(path);
  if (!promise) {
    // A .ts check needs the TypeScript loader first (../../lib/typescript-loader.ts).
    promise = prepareImport(path)
      .then(() => import(pathToFileURL(path).href))
      .then((module: { default?: unknown }) => {
        if (typeof module.default !== 'function') throw new BilingualError(JS.noDefaultExport(path));
        return module.default as CheckFunction;
      });
    // A failed import is retried next time: the author may be fixing the file while the tutor runs.
    promise.catch(() => loaded.delete(path));
    loaded.set(path, promise);
  }
  return promise;
}

function toVerdict(result: CheckApiResult, module: string): Verdict {
  if (typeof result === 'boolean') return result ? { passed: true } : { passed: false, expected: JS.toPass(module), found: JS.didNot };
  if (typeof result !== 'object' || result === null || typeof result.passed !== 'boolean') {
    return { passed: false, error: JS.badResult(module, JSON.stringify(result)) };
  }
  if (result.passed) return { passed: true };
  const expected = authorText(result.expected);
  const found = authorText(result.found);
  if (expected === 'invalid') return { passed: false, error: JS.badText(module, 'expected', JSON.stringify(result.expected)) };
  if (found === 'invalid') return { passed: false, error: JS.badText(module, 'found', JSON.stringify(result.found)) };
  return { passed: false, expected: expected ?? JS.toPass(module), found: found ?? JS.didNot };
}

/** The author's words, kept as given: a string reads the same in both languages, `{ en, ru }` is used as is (ru falls back to en). */
function authorText(text: unknown): BilingualText | undefined | 'invalid' {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return verbatim(text);
  if (typeof text === 'object' && text !== null && 'en' in text && typeof text.en === 'string') {
    const ru = 'ru' in text && typeof text.ru === 'string' && text.ru.trim() !== '' ? text.ru : text.en;
    return { en: text.en, ru };
  }
  return 'invalid';
}

