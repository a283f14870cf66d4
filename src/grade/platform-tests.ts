import type { Language } from '../course/schema.js';
import { localize } from '../course/localize.js';
import { roundPoints } from './assignment-points.js';
import { failureDetails } from './failure-details.js';
import { gradeTexts } from './grade-texts.js';
import type { ProjectGrade } from '../results/project-criteria.js';
import type { ExerciseGrade, GradeReport } from '../results/report-model.js';

/** How a grading platform sees one exercise: pass, fail, or error when the answer could not be checked at all. */
export type PlatformStatus = 'pass' | 'fail' | 'error';

/** One exercise as the teachers' platforms (Gradescope, Exercism, GitHub Classroom) get it. */
export interface PlatformTest {
  grade: ExerciseGrade;
  /** The 1-based position of its module in the report. */
  modulePosition: number;
  /** `basics/counter — A counter`: the id finds the answer file, the title says what it is. */
  name: string;
  status: PlatformStatus;
  earned: number;
  possible: number;
  /** Why it did not pass, in the report's language; empty when it passed. */
  message: string;
  /** The command that grades this exercise alone, for the platforms' "test code". */
  command: string;
}

/**
 * The exercises that count, in course order, with points: the assignment's
 * when the report has them, else 1 an exercise. Skipped exercises (a --url
 * server that cannot run them) are left out, as in the score: the platforms
 * have no "skipped", and a test that cannot fail would read as passed.
 */
export function platformTests(report: GradeReport, language: Language): PlatformTest[] {
  if (report.project) return projectTests(report, report.project, language);
  const texts = gradeTexts(language);
  return report.modules
    .flatMap((module, index) => module.exercises.map((grade) => ({ grade, modulePosition: index + 1 })))
    .filter(({ grade }) => grade.status !== 'skipped')
    .map(({ grade, modulePosition }) => ({
      grade,
      modulePosition,
      name: `${grade.id} — ${localize(grade.title, language)}`,
      status: statusOf(grade),
      earned: grade.points?.earned ?? (grade.status === 'passed' ? 1 : 0),
      possible: grade.points?.possible ?? 1,
      message:
        grade.status === 'not-submitted'
          ? texts.notSubmitted
          : failureDetails(grade, language)
              .map((line) => `${'  '.repeat(line.depth)}${line.text}`)
              .join('\n'),
      command: `redis-tutor grade ${shellWord(report.submission)} --exercise ${grade.id}`,
    }));
}

/** A failure whose checks never ran (a timeout, a program that could not start) is an error; failing checks are a fail. */
function statusOf(grade: ExerciseGrade): PlatformStatus {
  if (grade.status === 'passed') return 'pass';
  if (grade.status === 'failed' && grade.problem && grade.checks.length === 0) return 'error';
  return 'fail';
}

/**
 * The fraction of the points a late submission keeps, for formats that have
 * only per-test scores (GitHub Classroom adds them up itself).
 */
export function lateFactor(report: GradeReport): number {
  const points = report.assignment?.points;
  if (!points || points.earned === 0) return 1;
  return points.total / points.earned;
}

/**
 * A project (grade --project): each stage a test worth its share of the
 * functionality points, then the tests and documentation criteria as tests
 * of their own. Code quality and extras are the teacher's: no test.
 */
function projectTests(report: GradeReport, project: ProjectGrade, language: Language): PlatformTest[] {
  const stages = report.modules.flatMap((module) => module.exercises);
  const functionality = project.criteria.find((criterion) => criterion.id === 'functionality');
  const share = stages.length > 0 ? (functionality?.weight ?? 0) / stages.length : 0;
  const command = `redis-tutor grade --project ${project.variant} ${shellWord(report.submission)}`;
  const stageTests = stages.map((grade): PlatformTest => ({
    grade,
    modulePosition: 1,
    name: `${grade.id} — ${localize(grade.title, language)}`,
    status: statusOf(grade),
    earned: grade.status === 'passed' ? roundPoints(share) : 0,
    possible: roundPoints(share),
    message: failureDetails(grade, language)
      .map((line) => `${'  '.repeat(line.depth)}${line.text}`)
      .join('\n'),
    command,
  }));
  const criterionTests = project.criteria.flatMap((criterion): PlatformTest[] => {
    if (criterion.judgedBy !== 'machine' || criterion.id === 'functionality') return [];
    const earned = criterion.points ?? 0;
    const grade: ExerciseGrade = { id: `${project.id}/${criterion.id}`, exercise: criterion.id, title: criterion.title, status: earned >= criterion.weight ? 'passed' : 'failed', checks: [] };
    return [{ grade, modulePosition: 1, name: `${grade.id} — ${localize(criterion.title, language)}`, status: earned >= criterion.weight ? 'pass' : 'fail', earned, possible: criterion.weight, message: localize(criterion.measured, language), command }];
  });
  return [...stageTests, ...criterionTests];
}

/** The grade in points: the assignment's total (late penalty taken off), a project's machine-scored points, else the exercises passed. */
export function totalPoints(report: GradeReport): { earned: number; possible: number } {
  if (report.project) return { earned: report.project.machine.earned, possible: report.project.machine.possible };
  if (report.assignment) return { earned: report.assignment.points.total, possible: report.assignment.points.possible };
  return { earned: report.score.passed, possible: report.score.total };
}

export function scaledPoints(points: number, factor: number): number {
  return roundPoints(points * factor);
}

function shellWord(word: string): string {
  return /^[\w./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
