import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/grade/assignment.js';
import { applyAssignment } from '../../src/grade/assignment-points.js';
import { renderGradebookCsv, renderGradebookMarkdown, studentStatus, type GradebookEntry } from '../../src/grade/gradebook.js';
import { scoreOf, type ExerciseGrade, type ExerciseStatus, type GradeReport } from '../../src/results/report-model.js';
import type { SubmittedAt } from '../../src/results/points-model.js';

const IDS = ['basics/counter', 'basics/greeting', 'extra/list'] as const;

/** A report of the three exercises with these statuses; a failed one passed one of its two checks. */
function reportOf(statuses: readonly ExerciseStatus[]): GradeReport {
  const grades: ExerciseGrade[] = IDS.map((id, index) => {
    const status = statuses[index] ?? 'not-submitted';
    const checks = status === 'passed' || status === 'failed' ? [true, status === 'passed'].map((passed, at) => ({ index: at, description: { en: 'c', ru: 'c' }, passed })) : [];
    return { id, exercise: id.split('/')[1] ?? id, title: { en: id, ru: id }, status, checks };
  });
  const modules = ['basics', 'extra'].map((module) => {
    const exercises = grades.filter((grade) => grade.id.startsWith(`${module}/`));
    return { id: module, title: { en: module, ru: module }, score: scoreOf(exercises), exercises };
  });
  return {
    schemaVersion: 2,
    tool: { name: 'redis-tutor', version: '0.1.0' },
    submission: 'class/x',
    server: 'private redis-server',
    timeoutSeconds: 10,
    jobs: 1,
    durationMs: 100,
    score: scoreOf(grades),
    modules,
    unmatched: [],
  };
}

/** counter 2 points with partial credit, greeting 1, list 3; due 2025-03-14 20:59 UTC, 25% off a day. */
const ASSIGNMENT: Assignment = {
  title: 'Week 1 | basics',
  file: 'week1.yaml',
  exercises: new Map([
    ['basics/counter', { id: 'basics/counter', points: 2, partial: true, checkCount: 2 }],
    ['basics/greeting', { id: 'basics/greeting', points: 1, partial: false, checkCount: 2 }],
    ['extra/list', { id: 'extra/list', points: 3, partial: false, checkCount: 2 }],
  ]),
  deadline: new Date('2025-03-14T20:59:00Z'),
  late: { accept: true, penaltyPerDay: 0.25 },
};
const ON_TIME: SubmittedAt = { time: '2025-03-14T18:00:00.000Z', source: 'git' };
const TWO_DAYS_LATE: SubmittedAt = { time: '2025-03-16T12:00:00.000Z', source: 'files' };

const scored = (statuses: readonly ExerciseStatus[], submitted: SubmittedAt | undefined, assignment = ASSIGNMENT) => applyAssignment(reportOf(statuses), assignment, submitted);

const CLASS: GradebookEntry[] = [
  { name: 'alice', report: scored(['passed', 'passed', 'passed'], ON_TIME) },
  { name: 'bob', report: scored(['failed', 'passed', 'not-submitted'], TWO_DAYS_LATE) },
  { name: 'carol', error: { message: 'cannot read the submission folder class/carol: it is not a folder.', nextStep: 'Pass the folder that holds one folder per module.' } },
  { name: 'dave', report: scored(['not-submitted', 'not-submitted', 'not-submitted'], undefined) },
  { name: '=cmd|x', report: scored(['failed', 'failed', 'failed'], ON_TIME) },
];

describe('studentStatus', () => {
  const refusing: Assignment = { ...ASSIGNMENT, late: { accept: false, penaltyPerDay: 0 } };
  it.each<[string, GradebookEntry, string]>([
    ['every exercise passed', { name: 's', report: scored(['passed', 'passed', 'passed'], ON_TIME) }, 'passed'],
    ['nothing failed, something missing', { name: 's', report: scored(['passed', 'passed', 'not-submitted'], ON_TIME) }, 'incomplete'],
    ['an exercise failed', { name: 's', report: scored(['passed', 'failed', 'not-submitted'], ON_TIME) }, 'failed'],
    ['nothing submitted', { name: 's', report: scored(['not-submitted', 'not-submitted', 'not-submitted'], undefined) }, 'not-submitted'],
    ['late, and the assignment takes no late work', { name: 's', report: scored(['passed', 'passed', 'passed'], TWO_DAYS_LATE, refusing) }, 'late-refused'],
    ['late with a penalty: still by the exercises', { name: 's', report: scored(['passed', 'passed', 'passed'], TWO_DAYS_LATE) }, 'passed'],
    ['could not be graded', { name: 's', error: { message: 'x' } }, 'error'],
    ['no assignment: by the exercises', { name: 's', report: reportOf(['passed', 'failed', 'passed']) }, 'failed'],
  ])('%s', (_name, entry, expected) => {
    expect(studentStatus(entry)).toBe(expected);
  });
});

describe('renderGradebookCsv', () => {
  it('one line per student: the points of each exercise, the total after lateness, days late, the status, the counts', () => {
    expect(renderGradebookCsv(CLASS)).toBe(
      [
        'student,basics/counter,basics/greeting,extra/list,total,late,status,passed,failed,missing',
        'alice,2,1,3,6,0,passed,3,0,0',
        // counter: 1 of 2 checks of 2 points = 1; + greeting 1 = 2, two days late at 25% a day: 1.
        'bob,1,1,0,1,2,failed,1,1,1',
        'carol,,,,,,error,,,',
        // Nothing submitted: no submission time, so no lateness to report.
        'dave,0,0,0,0,,not-submitted,0,0,3',
        // A name a spreadsheet would run as a formula stays text; the | needs no quoting in CSV.
        "'=cmd|x,1,0,0,1,0,failed,0,3,0",
        '',
      ].join('\r\n'),
    );
  });

  it('quotes fields with commas and quotes (RFC 4180)', () => {
    expect(renderGradebookCsv([{ name: 'Smith, "J"', report: scored(['passed', 'passed', 'passed'], ON_TIME) }]).split('\r\n')[1]).toBe('"Smith, ""J""",2,1,3,6,0,passed,3,0,0');
  });

  it('without an assignment: 1 for a pass, the number passed as the total, no lateness', () => {
    expect(renderGradebookCsv([{ name: 'alice', report: reportOf(['passed', 'failed', 'skipped']) }])).toBe(
      ['student,basics/counter,basics/greeting,extra/list,total,late,status,passed,failed,missing', 'alice,1,0,,1,,failed,1,1,0', ''].join('\r\n'),
    );
  });
});

describe('renderGradebookMarkdown', () => {
  it('the assignment, a table of students, a table of exercises, and who could not be graded', () => {
    expect(renderGradebookMarkdown(CLASS, { language: 'en' })).toBe(
      [
        '# Week 1 \\| basics',
        '',
        '5 students · 6 points possible · deadline 2025-03-14 20:59 UTC',
        '',
        '| Student | Points | Passed | Failed | Not submitted | Late | Status |',
        '| --- | ---: | ---: | ---: | ---: | --- | --- |',
        '| alice | 6/6 | 3 | 0 | 0 |  | passed |',
        '| bob | 1/6 | 1 | 1 | 1 | 2 days (−50%) | failed |',
        '| carol | — |  |  |  |  | error |',
        '| dave | 0/6 | 0 | 0 | 3 |  | not-submitted |',
        '| =cmd\\|x | 1/6 | 0 | 3 | 0 |  | failed |',
        '',
        '| Exercise | Points | Passed | Failed | Not submitted | Average |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        '| `basics/counter` | 2 | 1 | 2 | 1 | 1 |',
        '| `basics/greeting` | 1 | 2 | 1 | 1 | 0.5 |',
        '| `extra/list` | 3 | 1 | 1 | 2 | 0.75 |',
        '',
        '## Not graded',
        '',
        '- **carol**: cannot read the submission folder class/carol: it is not a folder. Pass the folder that holds one folder per module.',
        '',
      ].join('\n'),
    );
  });

  it('speaks Russian with language ru', () => {
    const text = renderGradebookMarkdown(CLASS.slice(0, 2), { language: 'ru' });
    expect(text).toContain('студентов: 2 · баллов возможно: 6 · срок 2025-03-14 20:59 UTC');
    expect(text).toContain('| Студент | Баллы | Пройдено | Не пройдено | Не сдано | Опоздание | Статус |');
    expect(text).toContain('| bob | 1/6 | 1 | 1 | 1 | дней: 2 (−50%) | failed |');
  });

  it('a late submission the assignment refuses says so', () => {
    const refusing: Assignment = { ...ASSIGNMENT, late: { accept: false, penaltyPerDay: 0 } };
    const text = renderGradebookMarkdown([{ name: 'bob', report: scored(['passed', 'passed', 'passed'], TWO_DAYS_LATE, refusing) }], { language: 'en' });
    expect(text).toContain('| bob | 0/6 | 3 | 0 | 0 | 2 days, refused | late-refused |');
  });

  it('without an assignment: a gradebook of scores', () => {
    const text = renderGradebookMarkdown([{ name: 'alice', report: reportOf(['passed', 'failed', 'passed']) }], { language: 'en' });
    expect(text.split('\n').slice(0, 7)).toEqual(['# Gradebook', '', '1 student', '', '| Student | Score | Passed | Failed | Not submitted | Late | Status |', '| --- | ---: | ---: | ---: | ---: | --- | --- |', '| alice | 2/3 | 2 | 1 | 0 |  | failed |']);
  });
});
