import { join } from 'node:path';
import type { Language } from '../course/schema.js';
import { readAnswerFile } from './answer-file.js';
import type { StudentOutcome } from './class-grading.js';
import { renderClassSummary } from './class-summary.js';
import type { GradebookEntry } from './gradebook.js';
import { findSimilarAnswers, renderSimilarAnswers, type StudentAnswer } from './similar-answers.js';
import { renderStudentFeedback } from './student-feedback.js';

export const CLASS_SUMMARY = 'class-summary.md';
export const SIMILAR_ANSWERS = 'similar-answers.md';
/** Each graded student's feedback: STUDENT.feedback.md. */
export const FEEDBACK_SUFFIX = '.feedback.md';

/** Answers larger than this are not compared: the grader reads no bigger .redis file either. */
const MAX_COMPARED_BYTES = 1024 * 1024;

/**
 * The teacher's files of --output-dir beside the gradebook, as [name, text]:
 * each graded student's feedback, the class summary, and the similar
 * answers (which reads the answer files again, the same careful way the
 * grader does).
 */
export async function classReportFiles(outcomes: readonly StudentOutcome[], language: Language): Promise<Array<[string, string]>> {
  const entries: GradebookEntry[] = outcomes.map((outcome) => ('error' in outcome ? { name: outcome.student.name, error: outcome.error } : { name: outcome.student.name, report: outcome.report }));
  const feedback = outcomes.flatMap((outcome): Array<[string, string]> =>
    'report' in outcome ? [[`${outcome.student.name}${FEEDBACK_SUFFIX}`, renderStudentFeedback(outcome.student.name, outcome.report, { language })]] : [],
  );
  const answers = await readClassAnswers(outcomes);
  return [...feedback, [CLASS_SUMMARY, renderClassSummary(entries, { language })], [SIMILAR_ANSWERS, renderSimilarAnswers(findSimilarAnswers(answers), { language })]];
}

/** How many answer files are read at once: one after another, 600 reads wait on the disk (and a busy machine) 600 times. */
const READ_CONCURRENCY = 16;

/** The answer files graded (passed or failed) of every student, in the students' order; one that cannot be read now is left out of the comparison. */
async function readClassAnswers(outcomes: readonly StudentOutcome[]): Promise<StudentAnswer[]> {
  const wanted = outcomes.flatMap((outcome) =>
    'report' in outcome
      ? outcome.report.modules
          .flatMap((module) => module.exercises)
          .flatMap((grade) => (grade.answer && (grade.status === 'passed' || grade.status === 'failed') ? [{ student: outcome.student, exerciseId: grade.id, path: grade.answer.path }] : []))
      : [],
  );
  const read = new Array<StudentAnswer | undefined>(wanted.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(READ_CONCURRENCY, wanted.length) }, async () => {
      while (next < wanted.length) {
        const index = next++;
        const answer = wanted[index];
        if (!answer) continue;
        const file = await readAnswerFile(answer.student.dir, join(answer.student.dir, answer.path), MAX_COMPARED_BYTES);
        if ('text' in file) read[index] = { student: answer.student.name, exerciseId: answer.exerciseId, path: answer.path, text: file.text };
      }
    }),
  );
  return read.filter((answer): answer is StudentAnswer => answer !== undefined);
}
