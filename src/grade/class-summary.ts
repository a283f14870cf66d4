import type { Language } from '../course/schema.js';
import type { ExerciseGrade } from '../results/report-model.js';
import { markdownText, type GradebookEntry } from './gradebook.js';

/** How many "found" values a failed check lists: the few that tell the teacher what went wrong most. */
const TOP_FOUND = 3;

interface ExerciseTally {
  id: string;
  title: ExerciseGrade['title'];
  passed: number;
  failed: number;
  notSubmitted: number;
  /** Per failed check (by index): its description, and how often each "found" value came back. */
  failedChecks: Map<number, { description: ExerciseGrade['title']; failed: number; found: Map<string, { text: ExerciseGrade['title']; count: number }> }>;
}

/**
 * The class summary (class-summary.md), for the teacher's next lesson: per
 * exercise how many students passed, failed or did not submit it, the most
 * failed first; then, for each failed check, how many failed it and the
 * most common values the server had instead (the top three, with counts),
 * which usually name the misunderstanding. Students who could not be graded
 * count nowhere. Pure.
 */
export function renderClassSummary(entries: readonly GradebookEntry[], options: { language: Language }): string {
  const texts = options.language === 'ru' ? ru : en;
  const tallies = tallyExercises(entries);
  // Stable sort: exercises failed as often stay in course order.
  const sorted = [...tallies.values()].sort((a, b) => b.failed - a.failed);
  const graded = entries.filter((entry) => 'report' in entry).length;
  const out = [`# ${texts.heading}`, '', texts.students(graded), ''];
  if (sorted.length === 0) return [...out, texts.nothing, ''].join('\n');

  out.push(`| ${texts.columns.join(' | ')} |`, '| --- | ---: | ---: | ---: |');
  for (const tally of sorted) out.push(`| \`${tally.id}\` | ${tally.passed} | ${tally.failed} | ${tally.notSubmitted} |`);

  for (const tally of sorted.filter((candidate) => candidate.failedChecks.size > 0)) {
    out.push('', `## \`${tally.id}\` — ${markdownText(tally.title[options.language])}`, '');
    const checks = [...tally.failedChecks.entries()].sort(([indexA, a], [indexB, b]) => b.failed - a.failed || indexA - indexB);
    for (const [, check] of checks) {
      out.push(`- ${markdownText(check.description[options.language])}: ${texts.failedBy(check.failed)}`);
      const found = [...check.found.entries()].sort(([keyA, a], [keyB, b]) => b.count - a.count || keyA.localeCompare(keyB)).slice(0, TOP_FOUND);
      for (const [, { text, count }] of found) out.push(`  - ${texts.found}: ${markdownText(text[options.language])} (${count})`);
    }
  }
  return out.join('\n') + '\n';
}

function tallyExercises(entries: readonly GradebookEntry[]): Map<string, ExerciseTally> {
  const tallies = new Map<string, ExerciseTally>();
  for (const entry of entries) {
    if (!('report' in entry)) continue;
    for (const grade of entry.report.modules.flatMap((module) => module.exercises)) {
      if (grade.status === 'skipped') continue;
      let tally = tallies.get(grade.id);
      if (!tally) {
        tally = { id: grade.id, title: grade.title, passed: 0, failed: 0, notSubmitted: 0, failedChecks: new Map() };
        tallies.set(grade.id, tally);
      }
      if (grade.status === 'passed') tally.passed++;
      else if (grade.status === 'failed') tally.failed++;
      else tally.notSubmitted++;
      if (grade.status !== 'failed') continue;
      for (const check of grade.checks.filter((candidate) => !candidate.passed)) {
        let failed = tally.failedChecks.get(check.index);
        if (!failed) {
          failed = { description: check.description, failed: 0, found: new Map() };
          tally.failedChecks.set(check.index, failed);
        }
        failed.failed++;
        // The same value reads the same in English for everyone: that text groups them.
        if (check.found) failed.found.set(check.found.en, { text: check.found, count: (failed.found.get(check.found.en)?.count ?? 0) + 1 });
      }
    }
  }
  return tallies;
}

interface SummaryTexts {
  heading: string;
  students(count: number): string;
  nothing: string;
  columns: string[];
  failedBy(count: number): string;
  found: string;
}

const en: SummaryTexts = {
  heading: 'Class summary',
  students: (count) => `${count} ${count === 1 ? 'student' : 'students'} graded; the exercises most failed first.`,
  nothing: 'No exercise was graded.',
  columns: ['Exercise', 'Passed', 'Failed', 'Not submitted'],
  failedBy: (count) => `failed by ${count}`,
  found: 'found',
};

const ru: SummaryTexts = {
  heading: 'Сводка по группе',
  students: (count) => `Проверено студентов: ${count}; сначала упражнения, которые чаще всего не пройдены.`,
  nothing: 'Ни одно упражнение не проверено.',
  columns: ['Упражнение', 'Пройдено', 'Не пройдено', 'Не сдано'],
  failedBy: (count) => `не пройдено: ${count}`,
  found: 'получено',
};
