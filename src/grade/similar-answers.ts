import { extname } from 'node:path';
import type { Language } from '../course/schema.js';
import { markdownText } from './gradebook.js';

/** A student's answer file to one exercise, as handed in. */
export interface StudentAnswer {
  student: string;
  exerciseId: string;
  /** Relative to the submission; its extension says how to normalize it. */
  path: string;
  text: string;
}

/** Two students whose answers to an exercise are the same once normalized. */
export interface SimilarPair {
  exerciseId: string;
  students: [string, string];
  /** Normalized lines (commands) the answers have. */
  lines: number;
}

/** Shorter answers are alike by necessity (the exercise allows little else): not worth a teacher's look. */
export const MIN_SIMILAR_LINES = 3;

/** Line comments by extension; C-like languages also lose their block comments. Anything else (shell, executables) uses #. */
const LINE_COMMENTS: Record<string, string> = { '.py': '#', '.sh': '#', '.rb': '#', '.js': '//', '.mjs': '//', '.cjs': '//', '.ts': '//' };
const BLOCK_COMMENTS = new Set(['.js', '.mjs', '.cjs', '.ts']);

/**
 * An answer as lines that ignore what does not change it: blank lines,
 * comments and spacing. A .redis answer also has its commands upper-cased
 * (`set k v` and `SET  k v` are one answer); a program loses its line
 * comments (the marker at a line's start or after a space, a simple rule
 * that may also cut a string: the same for every student) and, in
 * JavaScript and TypeScript, its block comments. Pure.
 */
export function normalizeAnswer(path: string, text: string): string[] {
  const extension = extname(path).toLowerCase();
  if (extension === '.redis') {
    return collapsedLines(text, '#').map((line) => line.replace(/^\S+/, (command) => command.toUpperCase()));
  }
  const withoutBlocks = BLOCK_COMMENTS.has(extension) ? text.replace(/\/\*[\s\S]*?\*\//g, ' ') : text;
  return collapsedLines(withoutBlocks, LINE_COMMENTS[extension] ?? '#');
}

function collapsedLines(text: string, comment: string): string[] {
  const marker = new RegExp(`(^|\\s)${comment.replace(/[/#]/g, (char) => `\\${char}`)}.*$`);
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(marker, '').replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/**
 * Every pair of students whose answers to the same exercise normalize to
 * the same lines, at least MIN_SIMILAR_LINES of them: in the answers'
 * order of exercises, then by student. Pure.
 */
export function findSimilarAnswers(answers: readonly StudentAnswer[]): SimilarPair[] {
  const groups = new Map<string, Map<string, string[]>>();
  const lineCounts = new Map<string, number>();
  for (const answer of answers) {
    const lines = normalizeAnswer(answer.path, answer.text);
    if (lines.length < MIN_SIMILAR_LINES) continue;
    // The kind is part of the key: a .redis answer and a program are never "the same".
    const key = `${extname(answer.path).toLowerCase()}\n${lines.join('\n')}`;
    lineCounts.set(key, lines.length);
    const byAnswer = groups.get(answer.exerciseId) ?? new Map<string, string[]>();
    groups.set(answer.exerciseId, byAnswer);
    byAnswer.set(key, [...(byAnswer.get(key) ?? []), answer.student]);
  }
  const pairs: SimilarPair[] = [];
  for (const [exerciseId, byAnswer] of groups) {
    const found: SimilarPair[] = [];
    for (const [key, students] of byAnswer) {
      const sorted = [...new Set(students)].sort();
      sorted.forEach((first, at) => {
        for (const second of sorted.slice(at + 1)) found.push({ exerciseId, students: [first, second], lines: lineCounts.get(key) ?? 0 });
      });
    }
    pairs.push(...found.sort((a, b) => a.students[0].localeCompare(b.students[0]) || a.students[1].localeCompare(b.students[1])));
  }
  return pairs;
}

/** similar-answers.md: the pairs per exercise, under a note that sameness is a reason to look, not a finding. Pure. */
export function renderSimilarAnswers(pairs: readonly SimilarPair[], options: { language: Language }): string {
  const texts = options.language === 'ru' ? ru : en;
  const out = [`# ${texts.heading}`, '', texts.note, ''];
  if (pairs.length === 0) return [...out, texts.none, ''].join('\n');
  const exercises = [...new Set(pairs.map((pair) => pair.exerciseId))];
  for (const exerciseId of exercises) {
    out.push(`## \`${exerciseId}\``, '');
    for (const { students, lines } of pairs.filter((pair) => pair.exerciseId === exerciseId)) {
      out.push(`- ${texts.pair(markdownText(students[0]), markdownText(students[1]), lines)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

interface SimilarTexts {
  heading: string;
  note: string;
  none: string;
  pair(first: string, second: string, lines: number): string;
}

const en: SimilarTexts = {
  heading: 'Similar answers',
  note:
    `These students handed in the same answer to an exercise once blank lines, comments and spacing are ignored (and the commands of .redis answers upper-cased); answers of fewer than ${MIN_SIMILAR_LINES} lines are left out. ` +
    'This is not a verdict: exercises with one natural solution give alike answers. Read the answers before drawing any conclusion.',
  none: 'No two students handed in the same answer.',
  pair: (first, second, lines) => `${first} and ${second} (${lines} ${lines === 1 ? 'line' : 'lines'})`,
};

const ru: SimilarTexts = {
  heading: 'Похожие ответы',
  note:
    `Эти студенты сдали одинаковый ответ на упражнение, если не считать пустых строк, комментариев и пробелов (команды в ответах .redis приведены к верхнему регистру); ответы короче ${MIN_SIMILAR_LINES} строк не рассматриваются. ` +
    'Это не вердикт: у упражнений с одним естественным решением ответы совпадают. Прочитайте ответы, прежде чем делать выводы.',
  none: 'Одинаковых ответов нет.',
  pair: (first, second, lines) => `${first} и ${second} (строк: ${lines})`,
};
