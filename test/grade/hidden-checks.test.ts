import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load.js';
import { runProgram } from '../../src/program.js';
import { connectRespLearner } from '../../src/engine/default-learner.js';
import { gradeSubmission } from '../../src/grade/grade-submission.js';
import { renderStudentFeedback } from '../../src/grade/student-feedback.js';
import { reporters } from '../../src/grade/reporters.js';
import type { GradeReport } from '../../src/results/report-model.js';
import { checklistLines } from '../../src/ui/components/checklist-lines.js';
import { texts } from '../../src/tutor/texts.js';
import { captureIo } from '../support/capture-io.js';
import { writeSubmission } from './support/grade-fixture.js';

/*
 * A teacher's hidden check (hidden: true), graded on a real private server:
 * a student whose bob has 25 fails it. The teacher's reports show it in
 * full; what students read (show, the tutor's checklist, the feedback file)
 * counts it without its description or the expected value.
 */
const COURSE = resolve(import.meta.dirname, '../fixtures/course-hidden-checks');
const SECRET = 'the teacher\'s secret';
let dir: string;
let report: GradeReport;

beforeAll(async () => {
  const { course } = await loadCourse(COURSE);
  dir = writeSubmission({ 'board/scores.redis': 'ZADD game:scores 30 ann 25 bob\n' });
  report = await gradeSubmission({ course, submissionDir: dir, submissionLabel: 'student', timeoutMs: 10_000, jobs: 1, env: process.env, connectLearner: connectRespLearner, handleSignals: false });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const grade = () => report.modules[0]?.exercises[0];

describe('hidden checks', () => {
  it('grade reports the hidden check in full to the teacher', () => {
    const [ann, bob] = grade()?.checks ?? [];
    expect(ann).toMatchObject({ passed: true });
    expect(ann?.hidden).toBeUndefined();
    expect(bob).toMatchObject({ hidden: true, passed: false, description: { en: `bob has exactly 20, ${SECRET}` }, expected: { en: '"20"' } });
    expect(reporters.json(report, { language: 'en', color: false })).toContain(SECRET);
    expect(reporters.pretty(report, { language: 'en', color: false })).toContain(SECRET);
  });

  it("the student's feedback counts it, without its description or values", () => {
    const feedback = renderStudentFeedback('ann', report, { language: 'en' });
    expect(feedback).toContain('  - ✗ 1 hidden check: 0 pass');
    expect(feedback).not.toContain(SECRET);
    expect(feedback).not.toContain('"20"');
    expect(renderStudentFeedback('ann', report, { language: 'ru' })).toContain('  - ✗ скрытых проверок: 1, пройдено: 0');
  });

  it("the tutor's checklist counts it in the title and in one line", () => {
    const checks = grade()?.checks ?? [];
    const lines = checklistLines({
      result: { id: 'board/scores', passed: false, checks, timings: { checksMs: 1, firstPassMs: 1, passes: 1 } },
      solvedNow: false,
      tried: true,
      isLast: false,
      language: 'en',
      lastCheckMs: undefined,
      width: 80,
      chalk: new Chalk({ level: 0 }),
      t: texts('en'),
    });
    expect(lines[0]).toContain('1/2');
    expect(lines).toContain('✗ 1 hidden check: 0 pass');
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(lines.join('\n')).not.toContain('20');
  });

  it('show lists the visible checks and counts the hidden one', async () => {
    const io = captureIo({ env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, cwd: dir });
    const code = await runProgram(['show', 'board/scores', '--course', COURSE], io);
    expect(code).toBe(0);
    expect(io.stdoutText()).toContain('[ ] ann is on the board');
    expect(io.stdoutText()).toContain('[ ] 1 hidden check');
    expect(io.stdoutText()).not.toContain(SECRET);
  });

  it('grade --hidden-checks counted: what a student may read, scores unchanged', async () => {
    const grade = async (extra: string[]) => {
      const io = captureIo({ env: { PATH: process.env.PATH ?? '' }, cwd: dir });
      const code = await runProgram(['grade', '.', '--course', COURSE, '--reporter', 'json', ...extra], io);
      return { code, json: JSON.parse(io.stdoutText()) as GradeReport };
    };
    const full = await grade([]);
    const counted = await grade(['--hidden-checks', 'counted']);
    expect(JSON.stringify(full.json)).toContain(SECRET);
    expect(JSON.stringify(counted.json)).not.toContain(SECRET);
    expect(counted.json.modules[0]?.exercises[0]?.checks.map((check) => [check.description.en, check.passed, check.hidden])).toEqual([
      ['ann is on the board', true, undefined],
      ['1 hidden check: 0 pass', false, true],
    ]);
    expect(counted.json.score).toEqual(full.json.score);
    expect(counted.code).toBe(full.code);
  });
});
