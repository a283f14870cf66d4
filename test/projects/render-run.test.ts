import { describe, expect, it } from 'vitest';
import { renderShow } from '../../src/course/render-show.js';
import type { ShowModel } from '../../src/course/show-model.js';
import { PLAIN } from '../../src/course/text-style.js';
import { renderRunHeader, renderRunResult, runExitCode } from '../../src/projects/render-run.js';
import type { ExerciseGrade, Problem } from '../../src/results/report-model.js';
import { starterFindings } from '../../src/validate/validate-programs.js';

const problem = (code: Problem['code']): Problem => ({ code, message: `${code} happened` });

describe('runExitCode', () => {
  it.each([
    ['solved', { status: 'passed' }, 0],
    ['a check fails', { status: 'failed' }, 1],
    ['the program crashed', { status: 'failed', problem: problem('exit-code') }, 1],
    ['the program timed out', { status: 'failed', problem: problem('timeout') }, 1],
    ['the program could not start (no interpreter, no library)', { status: 'failed', problem: problem('could-not-run') }, 2],
    ['the tutor could not prepare the sandbox', { status: 'failed', problem: problem('grader-error') }, 2],
    ['the server cannot run the exercise', { status: 'skipped' }, 2],
  ] as const)('%s → %d', (_name, grade, code) => {
    expect(runExitCode(grade)).toBe(code);
  });
});

const base: ExerciseGrade = { id: 'basics/counter', exercise: 'counter', title: { en: 'Counter', ru: 'Счётчик' }, status: 'failed', checks: [] };
const checks: ExerciseGrade['checks'] = [
  { index: 0, description: { en: 'runs is 5', ru: 'runs равен 5' }, passed: false, expected: { en: '"5"', ru: '"5"' }, found: { en: 'the key does not exist', ru: 'ключ не существует' } },
  { index: 1, description: { en: 'Counted with INCR', ru: 'Подсчёт командой INCR' }, passed: true },
];
const output = { exitCode: 0, signal: null, text: 'runs so far: 4\n', bytes: 15, truncated: false };
const server = 'private redis-server 7.0.15 on 127.0.0.1:1234';

describe('renderRunResult', () => {
  it('shows the output, the checklist with expected and found, and the next step', () => {
    expect(renderRunResult({ grade: { ...base, checks, output }, server }, 'redis-tutor run basics/counter', 'en', PLAIN)).toBe(
      [
        `Running it once on a clean sandbox: ${server}`,
        '',
        'Output',
        'runs so far: 4',
        '',
        'Checks',
        '  ✗ runs is 5',
        '      expected: "5"',
        '      found:    the key does not exist',
        '  ✓ Counted with INCR',
        '',
        'Not solved yet: 1 of 2 checks pass.',
        'Change the program and run again: redis-tutor run basics/counter',
        '',
      ].join('\n'),
    );
  });

  it('in Russian', () => {
    const text = renderRunResult({ grade: { ...base, checks, output }, server }, 'redis-tutor run basics/counter', 'ru', PLAIN);
    expect(text).toContain('Вывод\nruns so far: 4');
    expect(text).toContain('  ✗ runs равен 5\n      ожидалось: "5"\n      получено:  ключ не существует');
    expect(text).toContain('Пока не решено: пройдено 1 из 2 проверок.');
  });

  it('says solved when every check passes', () => {
    const passed = { ...base, status: 'passed' as const, checks: [{ ...checks[1]!, index: 0 }], output };
    expect(renderRunResult({ grade: passed, server }, 'x', 'en', PLAIN)).toMatch(/ {2}✓ Counted with INCR\n\nSolved: every check passes\.\n$/);
  });

  it('shows how a crashed program ended before the checks', () => {
    const crashed = { ...base, checks, problem: { code: 'exit-code' as const, message: 'the program exited with code 1', exitCode: 1 }, output: { ...output, exitCode: 1, text: 'Traceback\nNameError\n' } };
    const text = renderRunResult({ grade: crashed, server }, 'x', 'en', PLAIN);
    expect(text).toContain('Output\nTraceback\nNameError\n(exit code 1)\n\nthe program exited with code 1\n\nChecks');
  });

  it('stops at a program that could not start, with the reason', () => {
    const missing = { ...base, problem: { code: 'could-not-run' as const, message: 'the answer could not be run: python3 was not found' }, output: { ...output, text: '' } };
    const text = renderRunResult({ grade: missing, server }, 'x', 'en', PLAIN);
    expect(text).toContain('(the program printed nothing)');
    expect(text).toMatch(/The program could not run: python3 was not found\n$/);
    expect(text).not.toContain('Checks');
  });

  it('says only why when the server cannot run the exercise', () => {
    const skipped = { ...base, status: 'skipped' as const, skipReason: 'needs Redis 7.4 or newer' };
    expect(renderRunResult({ grade: skipped, server }, 'x', 'en', PLAIN)).toMatch(/This server cannot run the exercise: needs Redis 7\.4 or newer\n$/);
  });

  it('says when only the end of the output is shown', () => {
    const long = { ...base, checks, output: { ...output, truncated: true, bytes: 900000 } };
    expect(renderRunResult({ grade: long, server }, 'x', 'en', PLAIN)).toContain('Output\n(only the end of 900000 bytes is shown)\nruns so far: 4');
  });
});

describe('renderRunHeader', () => {
  it.each([
    [true, 'Your program: /ws/basics/counter.py (python)\nMade from the starter just now: open it in your editor, do the TODOs, and run again.\n'],
    [false, 'Your program: /ws/basics/counter.py (python)\n'],
  ])('created %s', (created, expected) => {
    expect(renderRunHeader({ file: '/ws/basics/counter.py', language: 'python', created }, 'en', PLAIN)).toBe(expected);
  });
});

describe('starterFindings', () => {
  const starter = (grade: Partial<ExerciseGrade>): ExerciseGrade => ({ ...base, ...grade });
  it.each([
    ['runs and fails a check: a good starter', starter({ checks }), []],
    ['passes: the learner would be done before starting', starter({ status: 'passed' }), ['the starter (p/starter.py) already passes the checks (the learner would be done before starting)']],
    [
      'crashes: named with its last line',
      starter({ problem: { code: 'exit-code', message: 'the program exited with code 1' }, output: { ...output, exitCode: 1, text: 'Traceback\n  NameError: x\n\n' } }),
      ['the starter (p/starter.py) must run to its end and fail only on the checks, but the program exited with code 1 — its last line: NameError: x'],
    ],
    [
      'times out, with no output',
      starter({ problem: { code: 'timeout', message: 'the answer did not finish within 10 s' } }),
      ['the starter (p/starter.py) must run to its end and fail only on the checks, but the answer did not finish within 10 s'],
    ],
  ])('%s', (_name, grade, findings) => {
    expect(starterFindings(grade, 'p/starter.py')).toEqual(findings);
  });
});

describe('show: a program exercise', () => {
  const model: ShowModel = {
    language: 'en',
    id: 'basics/counter',
    title: 'Counter',
    module: { id: 'basics', title: 'Basics' },
    lesson: 'L',
    task: 'T',
    checks: [{ description: 'runs is 5', kind: 'key' }],
    keys: [],
    docs: [],
    program: {
      language: 'python',
      file: '/ws/basics/counter.py',
      created: true,
      run: 'redis-tutor run basics/counter',
      otherLanguages: [{ language: 'javascript', run: 'redis-tutor run basics/counter --in javascript' }],
    },
  };

  it('names the file and how to run it, in each language', () => {
    expect(renderShow(model)).toContain(
      [
        'Your program',
        '  /ws/basics/counter.py (python, just made from the starter)',
        '  Edit it in your editor, then run and check it: redis-tutor run basics/counter',
        '  In JavaScript instead: redis-tutor run basics/counter --in javascript',
      ].join('\n'),
    );
    expect(renderShow({ ...model, language: 'ru' })).toContain('Ваша программа\n  /ws/basics/counter.py (python, только что создана из заготовки)');
  });

  it('shows nothing of it for a typed exercise', () => {
    const { program: _program, ...typed } = model;
    expect(renderShow(typed)).not.toContain('Your program');
  });
});
