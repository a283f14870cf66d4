import type { Language } from '../course/schema.js';
import { localize } from '../course/localize.js';
import { formatPoints } from './assignment-points.js';
import type { ProjectGrade } from '../results/project-criteria.js';

/** One criterion as the reporters print it: `Functionality  32/40  4 of 5 stages pass.` */
export interface CriterionLine {
  title: string;
  points: string;
  measured: string;
}

const WORDS = {
  en: {
    heading: (variant: number, title: string) => `Workshop criteria — project ${variant}, ${title}:`,
    teacher: '—',
    total: (earned: string, possible: string, rest: number) => `Scored by the tester: ${earned} of ${possible}; the teacher gives code quality and extras (${rest} more).`,
  },
  ru: {
    heading: (variant: number, title: string) => `Критерии практикума — проект ${variant}, ${title}:`,
    teacher: '—',
    total: (earned: string, possible: string, rest: number) => `Тестер начислил ${earned} из ${possible}; качество кода и дополнительные функции оценивает преподаватель (ещё ${rest}).`,
  },
} as const;

/** Pure: the criteria as lines for people, in the reporters' language. */
export function criterionLines(project: ProjectGrade, language: Language): { heading: string; lines: CriterionLine[]; total: string } {
  const words = WORDS[language];
  const rest = project.criteria.filter((criterion) => criterion.judgedBy === 'teacher').reduce((sum, criterion) => sum + criterion.weight, 0);
  return {
    heading: words.heading(project.variant, localize(project.title, language)),
    lines: project.criteria.map((criterion) => ({
      title: localize(criterion.title, language),
      points: `${criterion.points === null ? words.teacher : formatPoints(criterion.points)}/${criterion.weight}`,
      measured: localize(criterion.measured, language),
    })),
    total: words.total(formatPoints(project.machine.earned), formatPoints(project.machine.possible), rest),
  };
}

/** The criteria as plain aligned text lines (pretty, TAP comments, JUnit's system-out, GitHub's notice). */
export function criteriaText(project: ProjectGrade, language: Language, indent = '  '): string[] {
  const { heading, lines, total } = criterionLines(project, language);
  const titleWidth = Math.max(...lines.map((line) => line.title.length));
  const pointsWidth = Math.max(...lines.map((line) => line.points.length));
  return [heading, ...lines.map((line) => `${indent}${line.title.padEnd(titleWidth)}  ${line.points.padStart(pointsWidth)}  ${line.measured}`), `${indent}${total}`];
}
