import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { UserError, errorMessage } from '../errors.js';
import { everyAnswerGone } from '../programs/contain-process.js';
import type { GradeReport } from '../results/report-model.js';
import type { Assignment } from './assignment.js';
import { gradeSubmission, openLanes, type GradeSubmissionOptions } from './grade-submission.js';
import type { GradingLane } from './grading-lane.js';
import { scoreSubmission } from './submission-time.js';

/** One student's submission folder. */
export interface Student {
  /** The folder's name: the student in the gradebook and the name of their report files. */
  name: string;
  /** Absolute path. */
  dir: string;
  /** The folder as the person gave it (reports show it). */
  label: string;
}

/** A student graded, or why they could not be (their folder, not the grader, was the problem). */
export type StudentOutcome = { student: Student; report: GradeReport } | { student: Student; error: { message: string; nextStep?: string } };

export interface GradeClassOptions extends Omit<GradeSubmissionOptions, 'submissionDir' | 'submissionLabel' | 'lanes' | 'exerciseIds' | 'onGraded'> {
  students: readonly Student[];
  assignment?: Assignment;
  /** --submitted-at: the same submission time for everyone. */
  submittedAt?: Date;
  /** Called as each student is graded (in completion order). */
  onStudent?: (outcome: StudentOutcome) => void;
}

/**
 * Class mode: grades every student's submission in one process, on
 * `jobs` lanes opened once (a private server each) instead of a process and
 * a server per student. Each lane takes the next student and grades all of
 * their exercises; outcomes come back in the students' order. A student
 * whose folder cannot be graded (unreadable) is an outcome with the
 * reason; anything else that stops the grader (no Redis, a refused --url
 * database) stops the class.
 */
export async function gradeClass(options: GradeClassOptions): Promise<StudentOutcome[]> {
  const { students, onStudent } = options;
  if (options.url && options.jobs > 1) {
    throw new UserError('--jobs works with private servers only: with --url every answer shares one database.', 'Drop --jobs, or drop --url to let the grader start its own servers.');
  }
  const outcomes = new Map<Student, StudentOutcome>();
  const lanes = await openLanes(Math.max(1, Math.min(options.jobs, students.length)), options);
  try {
    let next = 0;
    await Promise.all(
      lanes.map(async (lane) => {
        while (next < students.length) {
          const student = students[next++] as Student;
          const outcome = await gradeStudent(student, lane, options);
          outcomes.set(student, outcome);
          onStudent?.(outcome);
        }
      }),
    );
  } finally {
    await Promise.all(lanes.map((lane) => lane.close()));
  }
  // Reports are written after the last process of every answer is gone, so nothing an answer started can rewrite them.
  await everyAnswerGone();
  return students.flatMap((student) => {
    const outcome = outcomes.get(student);
    return outcome ? [outcome] : [];
  });
}

async function gradeStudent(student: Student, lane: GradingLane, options: GradeClassOptions): Promise<StudentOutcome> {
  const { students: _students, assignment, submittedAt, onStudent: _onStudent, ...rest } = options;
  try {
    const report = await gradeSubmission({
      ...rest,
      jobs: 1,
      lanes: [lane],
      submissionDir: student.dir,
      submissionLabel: student.label,
      ...(assignment ? { exerciseIds: new Set(assignment.exercises.keys()) } : {}),
    });
    const scored = assignment ? await scoreSubmission(report, assignment, { dir: student.dir, env: rest.env, ...(submittedAt ? { submittedAt } : {}) }) : report;
    return { student, report: scored };
  } catch (error) {
    // A UserError is about this student's folder (unreadable, under /proc); the others are still graded.
    if (error instanceof UserError) return { student, error: { message: errorMessage(error), ...(error.nextStep ? { nextStep: error.nextStep } : {}) } };
    throw error;
  }
}

/**
 * The students of `grade --class DIR`: its folders, one per student, by
 * name; hidden ones (.git) are not students. None at all is a usage error.
 */
export async function studentsOfClass(dir: string, label: string): Promise<Student[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new UserError(`cannot read the class folder ${label}: ${errorMessage(error)}.`, 'Pass the folder that holds one submission folder per student, e.g. `redis-tutor grade --class submissions`.', { cause: error });
  }
  const names = entries.filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || entry.isSymbolicLink())).map((entry) => entry.name);
  const students = names.sort().map((name) => ({ name, dir: join(dir, name), label: joinLabel(label, name) }));
  if (students.length === 0) {
    throw new UserError(`the class folder ${label} holds no submission folders.`, 'Put one folder per student in it (e.g. the repositories GitHub Classroom clones), each with one folder per module.');
  }
  return students;
}

/** The students of `grade A B C`: each folder given, named by its last part, which must differ between them. */
export function studentsOfPaths(paths: readonly string[], cwd: string): Student[] {
  const students = paths.map((path) => {
    const dir = resolve(cwd, path);
    return { name: basename(dir), dir, label: path };
  });
  const seen = new Map<string, string>();
  for (const student of students) {
    const earlier = seen.get(student.name);
    if (earlier !== undefined) {
      throw new UserError(`${earlier} and ${student.label} would both be the student "${student.name}".`, 'Give folders with different names, or put them in one folder and use --class.');
    }
    seen.set(student.name, student.label);
  }
  return students;
}

function joinLabel(base: string, name: string): string {
  const trimmed = base.replace(/[\\/]+$/, '');
  return trimmed === '' || trimmed === '.' ? name : `${trimmed}/${name}`;
}
