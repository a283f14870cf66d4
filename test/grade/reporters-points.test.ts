import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/grade/assignment.js';
import { applyAssignment } from '../../src/grade/assignment-points.js';
import { reporters, type ReporterName } from '../../src/grade/reporters.js';
import { GradeReportSchema } from '../../src/results/report-model.js';
import { SAMPLE_REPORT } from './support/sample-report.js';
import { assertWellFormedXml } from './support/xml-well-formed.js';

/** The sample report graded for an assignment: 2 points an exercise, partial credit on the program, a day late at 20%. */
const grades = SAMPLE_REPORT.modules.flatMap((module) => module.exercises);
const ASSIGNMENT: Assignment = {
  title: 'Week 1: basics',
  file: 'week1.yaml',
  exercises: new Map(grades.map((grade) => [grade.id, { id: grade.id, points: 2, partial: grade.id === 'basics/worker', checkCount: 1 }])),
  deadline: new Date('2025-03-14T20:59:00Z'),
  late: { accept: true, penaltyPerDay: 0.2 },
};
const POINTS_REPORT = applyAssignment(SAMPLE_REPORT, ASSIGNMENT, { time: '2025-03-15T08:30:00.000Z', source: 'git' });

const renders: Array<{ reporter: ReporterName; language: 'en' | 'ru'; file: string }> = [
  { reporter: 'pretty', language: 'en', file: 'points.pretty.en.txt' },
  { reporter: 'pretty', language: 'ru', file: 'points.pretty.ru.txt' },
  { reporter: 'junit', language: 'en', file: 'points.junit.en.xml' },
  { reporter: 'tap', language: 'en', file: 'points.tap.en.txt' },
  { reporter: 'json', language: 'en', file: 'points.report.json' },
];

describe('reporters show points when the report has an assignment', () => {
  it('the report with points is a valid report', () => {
    expect(GradeReportSchema.parse(POINTS_REPORT)).toEqual(POINTS_REPORT);
  });

  it.each(renders)('$reporter ($language) matches golden/$file', async ({ reporter, language, file }) => {
    const text = reporters[reporter](POINTS_REPORT, { language, color: false });
    if (reporter === 'junit') assertWellFormedXml(text);
    await expect(text).toMatchFileSnapshot(`golden/${file}`);
  });

  it('a report without an assignment shows no points anywhere', () => {
    for (const reporter of ['pretty', 'junit', 'tap'] as const) {
      expect(reporters[reporter](SAMPLE_REPORT, { language: 'en', color: false })).not.toMatch(/points?\b/i);
    }
  });
});
