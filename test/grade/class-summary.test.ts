import { describe, expect, it } from 'vitest';
import { renderClassSummary } from '../../src/grade/class-summary.js';
import type { GradebookEntry } from '../../src/grade/gradebook.js';
import { exercise, failedCheck, passedCheck, reportOf } from './support/class-report-fixtures.js';

const COUNTER_MISSING = failedCheck(1, 'counter is 3', '"3"', 'the key does not exist');
const COUNTER_WRONG = failedCheck(1, 'counter is 3', '"3"', '"2"');

/** counter: 1 passed, 3 failed (two found the key missing); greeting: 3 passed, 1 not submitted; list: 1 failed, 3 not submitted. */
const CLASS: GradebookEntry[] = [
  { name: 'alice', report: reportOf([exercise('counter', 'passed', [passedCheck(0, 'counter exists'), passedCheck(1, 'counter is 3')]), exercise('greeting', 'passed'), exercise('list', 'not-submitted')]) },
  { name: 'bob', report: reportOf([exercise('counter', 'failed', [passedCheck(0, 'counter exists'), COUNTER_MISSING]), exercise('greeting', 'passed'), exercise('list', 'not-submitted')]) },
  { name: 'carol', report: reportOf([exercise('counter', 'failed', [passedCheck(0, 'counter exists'), COUNTER_MISSING]), exercise('greeting', 'not-submitted'), exercise('list', 'failed', [failedCheck(0, 'list has 2 items', '2', '0')])]) },
  { name: 'dave', report: reportOf([exercise('counter', 'failed', [passedCheck(0, 'counter exists'), COUNTER_WRONG]), exercise('greeting', 'passed'), exercise('list', 'not-submitted')]) },
  { name: 'erin', error: { message: 'cannot read the submission folder' } },
];

describe('renderClassSummary', () => {
  it.each([
    [
      'en',
      [
        '# Class summary',
        '',
        '4 students graded; the exercises most failed first.',
        '',
        '| Exercise | Passed | Failed | Not submitted |',
        '| --- | ---: | ---: | ---: |',
        '| `basics/counter` | 1 | 3 | 0 |',
        '| `basics/list` | 0 | 1 | 3 |',
        '| `basics/greeting` | 3 | 0 | 1 |',
        '',
        '## `basics/counter` — COUNTER',
        '',
        '- counter is 3: failed by 3',
        '  - found: the key does not exist (2)',
        '  - found: "2" (1)',
        '',
        '## `basics/list` — LIST',
        '',
        '- list has 2 items: failed by 1',
        '  - found: 0 (1)',
        '',
      ],
    ],
    [
      'ru',
      [
        '# Сводка по группе',
        '',
        'Проверено студентов: 4; сначала упражнения, которые чаще всего не пройдены.',
        '',
        '| Упражнение | Пройдено | Не пройдено | Не сдано |',
        '| --- | ---: | ---: | ---: |',
        '| `basics/counter` | 1 | 3 | 0 |',
        '| `basics/list` | 0 | 1 | 3 |',
        '| `basics/greeting` | 3 | 0 | 1 |',
        '',
        '## `basics/counter` — ru COUNTER',
        '',
        '- ru counter is 3: не пройдено: 3',
        '  - получено: ru the key does not exist (2)',
        '  - получено: ru "2" (1)',
        '',
        '## `basics/list` — ru LIST',
        '',
        '- ru list has 2 items: не пройдено: 1',
        '  - получено: ru 0 (1)',
        '',
      ],
    ],
  ] as const)('in %s: exercises by most failed, then the top found values of each failed check', (language, lines) => {
    expect(renderClassSummary(CLASS, { language })).toBe(lines.join('\n'));
  });

  it('lists only the three most common found values, ties in text order', () => {
    const found = ['"1"', '"2"', '"2"', '"3"', '"4"', '"4"'];
    const entries: GradebookEntry[] = found.map((value, at) => ({ name: `s${at}`, report: reportOf([exercise('counter', 'failed', [failedCheck(0, 'counter is 3', '"3"', value)])]) }));
    expect(renderClassSummary(entries, { language: 'en' }).split('\n').filter((line) => line.startsWith('  - '))).toEqual(['  - found: "2" (2)', '  - found: "4" (2)', '  - found: "1" (1)']);
  });

  it('says so when nothing was graded', () => {
    expect(renderClassSummary([{ name: 'erin', error: { message: 'x' } }], { language: 'en' })).toBe('# Class summary\n\n0 students graded; the exercises most failed first.\n\nNo exercise was graded.\n');
  });
});
