import type { Language } from '../course/schema.js';
import { gradeTexts } from './grade-texts.js';
import { platformTests, type PlatformTest } from './platform-tests.js';
import { printable } from './printable.js';
import type { GradeReport } from '../results/report-model.js';

/** Exercism shows at most this much of a test's output; longer output ends with its own notice. */
const OUTPUT_LIMIT = 500;
const OUTPUT_TRUNCATED = 'Output was truncated. Please limit to 500 chars';
/** The top-level message's limit in the interface. */
const MESSAGE_LIMIT = 65535;

/**
 * Exercism's test runner results.json, version 3
 * (exercism/docs building/tooling/test-runners/interface.md): one test per
 * exercise in course order; a module is a task, so `task_id` is the
 * module's position in the report (1-based). A not-submitted exercise
 * fails with the message "not submitted"; skipped ones are left out, as
 * Exercism has no skip. The overall status is `error` only when every test
 * errored or nothing was graded, and then carries a message. Points do not
 * exist in this format. Pure.
 */
export function renderExercism(report: GradeReport, options: { language: Language }): string {
  const tests = platformTests(report, options.language);
  const results = {
    version: 3,
    ...overall(tests, options.language),
    tests: tests.map((test) => ({
      name: test.name,
      status: test.status,
      ...(test.status !== 'pass' ? { message: test.message } : {}),
      ...outputOf(test),
      test_code: test.command,
      task_id: test.modulePosition,
    })),
  };
  return `${JSON.stringify(results, null, 2)}\n`;
}

function overall(tests: readonly PlatformTest[], language: Language): { status: 'pass' | 'fail' | 'error'; message?: string } {
  if (tests.length === 0) return { status: 'error', message: gradeTexts(language).nothingSubmitted };
  if (tests.every((test) => test.status === 'error')) {
    const message = tests.map((test) => `${test.name}: ${test.message}`).join('\n');
    return { status: 'error', message: withinBytes(message, MESSAGE_LIMIT) };
  }
  return { status: tests.every((test) => test.status === 'pass') ? 'pass' : 'fail' };
}

/** What a program answer printed (a .redis answer prints nothing of its own), as text, at most 500 characters. */
function outputOf(test: PlatformTest): { output?: string } {
  const text = test.grade.output?.text.trimEnd();
  if (text === undefined || text === '') return {};
  const shown = text.split(/\r?\n/).map(printable).join('\n');
  if (shown.length <= OUTPUT_LIMIT) return { output: shown };
  return { output: `${shown.slice(0, OUTPUT_LIMIT - OUTPUT_TRUNCATED.length - 1)}\n${OUTPUT_TRUNCATED}` };
}

/** The limit counts bytes ("less with multibyte characters"), so cut at a character boundary within it. */
function withinBytes(text: string, limit: number): string {
  const encoder = new TextEncoder();
  let bytes = 0;
  let kept = '';
  for (const character of text) {
    bytes += encoder.encode(character).length;
    if (bytes > limit) break;
    kept += character;
  }
  return kept;
}
