import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/grade/assignment.js';
import { applyAssignment } from '../../src/grade/assignment-points.js';
import { renderStudentFeedback } from '../../src/grade/student-feedback.js';
import { exercise, failedCheck, passedCheck, reportOf } from './support/class-report-fixtures.js';

const REPORT = reportOf([
  exercise('counter', 'passed', [passedCheck(0, 'counter is 3')]),
  { ...exercise('greeting', 'failed', [passedCheck(0, 'greeting exists'), failedCheck(1, 'greeting says hello', '"hello"', '"hi"')]) },
  { ...exercise('slow', 'failed'), problem: { code: 'timeout', message: 'the answer did not finish in 10 s.', seconds: 10 } },
  exercise('list', 'not-submitted'),
  exercise('stream', 'skipped'),
]);

describe('renderStudentFeedback', () => {
  it('in English: the score, then each exercise; a failure says what was expected and found', () => {
    expect(renderStudentFeedback('bob', REPORT, { language: 'en' })).toBe(
      [
        '# Feedback for bob',
        '',
        '- Score: 1/4',
        '- 1 passed, 2 failed, 1 not submitted',
        '',
        '## Exercises',
        '',
        '- ✓ **COUNTER** (`basics/counter`): passed',
        '- ✗ **GREETING** (`basics/greeting`): failed',
        '  - ✗ greeting says hello',
        '    - expected: "hello"',
        '    - found: "hi"',
        '- ✗ **SLOW** (`basics/slow`): failed',
        '  - the answer did not finish in 10 s.',
        '- · **LIST** (`basics/list`): not submitted',
        '',
      ].join('\n'),
    );
  });

  it('in Russian, with an assignment: points and lateness too', () => {
    const assignment: Assignment = {
      title: 'Неделя 1',
      file: 'week1.yaml',
      exercises: new Map(['counter', 'greeting', 'slow', 'list'].map((name) => [`basics/${name}`, { id: `basics/${name}`, points: 2, partial: true, checkCount: 2 }])),
      deadline: new Date('2025-03-14T20:59:00Z'),
      late: { accept: true, penaltyPerDay: 0.1 },
    };
    const scored = applyAssignment(REPORT, assignment, { time: '2025-03-15T12:00:00.000Z', source: 'git' });
    expect(renderStudentFeedback('bob', scored, { language: 'ru' })).toBe(
      [
        '# Отзыв: bob',
        '',
        '**Неделя 1**',
        '',
        '- Итог: 1/4',
        '- пройдено: 1, не пройдено: 2, не сдано: 1',
        // counter 2 of 2 (its one check), greeting 1 of 2 checks: 3 of 8, 10% off.
        '- Баллы: 2,7/8',
        '- опоздание, дней: 1: −10%',
        '',
        '## Упражнения',
        '',
        '- ✓ **ru COUNTER** (`basics/counter`): пройдено',
        '- ✗ **ru GREETING** (`basics/greeting`): не пройдено',
        '  - ✗ ru greeting says hello',
        '    - ожидалось: ru "hello"',
        '    - получено: ru "hi"',
        '- ✗ **ru SLOW** (`basics/slow`): не пройдено',
        '  - ответ не завершился за 10 с',
        '- · **ru LIST** (`basics/list`): не сдано',
        '',
      ].join('\n'),
    );
  });

  it('keeps a name from turning into Markdown', () => {
    expect(renderStudentFeedback('*x*', reportOf([]), { language: 'en' }).split('\n')[0]).toBe('# Feedback for \\*x\\*');
  });
});
