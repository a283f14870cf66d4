import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/grade/assignment.js';
import { applyAssignment, exercisePoints, lateness } from '../../src/grade/assignment-points.js';
import type { CheckResultData, ExerciseGrade, Problem } from '../../src/results/report-model.js';
import { SAMPLE_REPORT } from './support/sample-report.js';

const check = (passed: boolean, index = 0): CheckResultData => ({ index, description: { en: 'a check', ru: 'проверка' }, passed });
const checks = (...passed: boolean[]) => passed.map((value, index) => check(value, index));
const exitCode: Problem = { code: 'exit-code', message: 'the program exited with code 3', exitCode: 3 };
const timeout: Problem = { code: 'timeout', message: 'the answer did not finish within 2 s', seconds: 2 };

describe('exercisePoints', () => {
  it.each<[string, Pick<ExerciseGrade, 'status' | 'checks' | 'problem'>, { points: number; partial: boolean; checkCount: number }, ReturnType<typeof exercisePoints>]>([
    ['passed: all the points', { status: 'passed', checks: checks(true, true) }, { points: 3, partial: false, checkCount: 2 }, { earned: 3, possible: 3 }],
    ['passed with partial credit on: still all', { status: 'passed', checks: checks(true, true) }, { points: 3, partial: true, checkCount: 2 }, { earned: 3, possible: 3 }],
    ['failed, all or nothing: none', { status: 'failed', checks: checks(true, false) }, { points: 3, partial: false, checkCount: 2 }, { earned: 0, possible: 3 }],
    ['failed, partial: the share of checks passed', { status: 'failed', checks: checks(true, false) }, { points: 3, partial: true, checkCount: 2 }, { earned: 1.5, possible: 3, partial: { passed: 1, of: 2 } }],
    ['failed, partial: thirds are rounded to 2 decimals', { status: 'failed', checks: checks(true, false, false) }, { points: 1, partial: true, checkCount: 3 }, { earned: 0.33, possible: 1, partial: { passed: 1, of: 3 } }],
    ['failed, partial: 2 of 3 of 2 points', { status: 'failed', checks: checks(true, true, false) }, { points: 2, partial: true, checkCount: 3 }, { earned: 1.33, possible: 2, partial: { passed: 2, of: 3 } }],
    ['failed, partial, no check passed: none', { status: 'failed', checks: checks(false, false) }, { points: 2, partial: true, checkCount: 2 }, { earned: 0, possible: 2, partial: { passed: 0, of: 2 } }],
    [
      'every check passed but the program exited 3: the exit counts as one more check',
      { status: 'failed', checks: checks(true, true), problem: exitCode },
      { points: 3, partial: true, checkCount: 2 },
      { earned: 2, possible: 3, partial: { passed: 2, of: 3 } },
    ],
    [
      'a timeout: no check ran, so nothing (of every check and the problem)',
      { status: 'failed', checks: [], problem: timeout },
      { points: 4, partial: true, checkCount: 3 },
      { earned: 0, possible: 4, partial: { passed: 0, of: 4 } },
    ],
    ['not submitted: none, also with partial credit', { status: 'not-submitted', checks: [] }, { points: 2, partial: true, checkCount: 2 }, { earned: 0, possible: 2 }],
    ['skipped (with --url): none', { status: 'skipped', checks: [] }, { points: 2, partial: true, checkCount: 2 }, { earned: 0, possible: 2 }],
    ['fractional points', { status: 'passed', checks: checks(true) }, { points: 0.5, partial: false, checkCount: 1 }, { earned: 0.5, possible: 0.5 }],
  ])('%s', (_name, grade, rule, expected) => {
    expect(exercisePoints(grade, rule)).toEqual(expected);
  });
});

describe('lateness', () => {
  const deadline = new Date('2025-03-14T20:59:00Z');
  const at = (iso: string) => new Date(iso);
  it.each<[string, Date | undefined, Date | undefined, { accept: boolean; penaltyPerDay: number }, ReturnType<typeof lateness>]>([
    ['on time', at('2025-03-14T20:00:00Z'), deadline, { accept: true, penaltyPerDay: 0.2 }, undefined],
    ['exactly at the deadline: on time', deadline, deadline, { accept: true, penaltyPerDay: 0.2 }, undefined],
    ['a second late: a started day', at('2025-03-14T20:59:01Z'), deadline, { accept: true, penaltyPerDay: 0.2 }, { days: 1, accepted: true, penalty: 0.2 }],
    ['24 h late: 1 day', at('2025-03-15T20:59:00Z'), deadline, { accept: true, penaltyPerDay: 0.2 }, { days: 1, accepted: true, penalty: 0.2 }],
    ['24 h and a minute late: 2 days', at('2025-03-15T21:00:00Z'), deadline, { accept: true, penaltyPerDay: 0.2 }, { days: 2, accepted: true, penalty: 0.4 }],
    ['3 days at 0.1 a day: 0.3, not 0.30000000000000004', at('2025-03-17T12:00:00Z'), deadline, { accept: true, penaltyPerDay: 0.1 }, { days: 3, accepted: true, penalty: 0.3 }],
    ['ten days at 0.2: at most everything', at('2025-03-24T12:00:00Z'), deadline, { accept: true, penaltyPerDay: 0.2 }, { days: 10, accepted: true, penalty: 1 }],
    ['late without a penalty: noted, free', at('2025-03-15T12:00:00Z'), deadline, { accept: true, penaltyPerDay: 0 }, { days: 1, accepted: true, penalty: 0 }],
    ['accept: false: late work gets nothing', at('2025-03-15T12:00:00Z'), deadline, { accept: false, penaltyPerDay: 0 }, { days: 1, accepted: false, penalty: 1 }],
    ['no deadline: never late', at('2030-01-01T00:00:00Z'), undefined, { accept: false, penaltyPerDay: 0 }, undefined],
    ['nothing submitted (no time): not late', undefined, deadline, { accept: false, penaltyPerDay: 0 }, undefined],
  ])('%s', (_name, submittedAt, due, policy, expected) => {
    expect(lateness(submittedAt, due, policy)).toEqual(expected);
  });
});

describe('applyAssignment', () => {
  // SAMPLE_REPORT (test/grade/support/sample-report.ts): one exercise of each kind; here exercise n is worth n points, with partial credit.
  const grades = SAMPLE_REPORT.modules.flatMap((module) => module.exercises);
  const rule = (id: string, points: number, partial = false) => [id, { id, points, partial, checkCount: 2 }] as const;
  const assignment = (extra: Partial<Assignment> = {}): Assignment => ({
    title: 'Week 1',
    file: 'week1.yaml',
    exercises: new Map(grades.map((grade, index) => rule(grade.id, index + 1, true))),
    late: { accept: true, penaltyPerDay: 0.25 },
    ...extra,
  });

  it('puts points on every exercise and adds them up, skipped ones left out', () => {
    const report = applyAssignment(SAMPLE_REPORT, assignment(), undefined);
    const scored = report.modules.flatMap((module) => module.exercises);
    expect(scored.map((grade) => [grade.id, grade.points])).toEqual([
      ['basics/counter', { earned: 1, possible: 1 }],
      ['basics/greeting', { earned: 0, possible: 2, partial: { passed: 0, of: 4 } }],
      ['basics/queue', { earned: 0, possible: 3, partial: { passed: 0, of: 3 } }],
      ['basics/worker', { earned: 1.33, possible: 4, partial: { passed: 1, of: 3 } }],
      ['basics/profile', { earned: 0, possible: 5, partial: { passed: 0, of: 3 } }],
      ['basics/persistence', { earned: 0, possible: 6 }],
      ['basics/sets', { earned: 0, possible: 7 }],
      ['extra/list', { earned: 0, possible: 8 }],
      ['extra/wait-for-job', { earned: 0, possible: 9 }],
    ]);
    // 1 + 1.33; every exercise's points but the skipped one's 6.
    expect(report.assignment).toEqual({ title: 'Week 1', file: 'week1.yaml', points: { earned: 2.33, penalty: 0, total: 2.33, possible: 39 } });
    expect(report.score).toEqual(SAMPLE_REPORT.score);
  });

  it('takes the late penalty off the total, and says when and how late', () => {
    const report = applyAssignment(SAMPLE_REPORT, assignment({ deadline: new Date('2025-03-14T20:59:00Z') }), { time: '2025-03-16T08:00:00.000Z', source: 'git' });
    expect(report.assignment).toMatchObject({
      deadline: '2025-03-14T20:59:00.000Z',
      submittedAt: { time: '2025-03-16T08:00:00.000Z', source: 'git' },
      late: { days: 2, accepted: true, penalty: 0.5 },
      points: { earned: 2.33, penalty: 1.17, total: 1.16, possible: 39 },
    });
  });

  it('refused late work scores 0 whatever it earned', () => {
    const report = applyAssignment(SAMPLE_REPORT, assignment({ deadline: new Date('2025-03-14T20:59:00Z'), late: { accept: false, penaltyPerDay: 0 } }), {
      time: '2025-03-15T08:00:00.000Z',
      source: 'option',
    });
    expect(report.assignment?.late).toEqual({ days: 1, accepted: false, penalty: 1 });
    expect(report.assignment?.points).toEqual({ earned: 2.33, penalty: 2.33, total: 0, possible: 39 });
  });
});
