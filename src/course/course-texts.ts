import type { Language } from './schema.js';

/** The words `show` and `list` print around the course's own texts, in both languages. */
export interface CourseTexts {
  lesson: string;
  task: string;
  checks: string;
  keys: string;
  docs: string;
  hints: string;
  solution: string;
  /** `needs`: what the server must offer, in a few words (../requirement-fit.ts). */
  needs(needs: string): string;
  /** The server in use cannot run the exercise: why. */
  cannotRunHere(reason: string): string;
  /** How to get a server that runs the exercises marked as not running here. */
  toRunThem(remedy: string): string;
  solutionHint(id: string): string;
  solved(solved: number, total: number): string;
  totalSolved(solved: number, total: number): string;
  noExercises: string;
}

const en: CourseTexts = {
  lesson: 'Lesson',
  task: 'Task',
  checks: 'Checks',
  keys: 'Keys',
  docs: 'Docs',
  hints: 'Hints',
  solution: 'Solution',
  needs: (needs) => `(needs ${needs})`,
  cannotRunHere: (reason) => `cannot run on this server: ${reason}`,
  toRunThem: (remedy) => `To run the exercises that cannot run on this server: ${remedy}`,
  solutionHint: (id) => `Hints and the reference solution: redis-tutor show ${id} --solution`,
  solved: (solved, total) => `${solved}/${total} solved`,
  totalSolved: (solved, total) => `${solved}/${total} exercises solved. Read one with: redis-tutor show <id>`,
  noExercises: 'No exercises found.',
};

const ru: CourseTexts = {
  lesson: 'Урок',
  task: 'Задание',
  checks: 'Проверки',
  keys: 'Ключи',
  docs: 'Документация',
  hints: 'Подсказки',
  solution: 'Решение',
  needs: (needs) => `(нужно: ${needs})`,
  cannotRunHere: (reason) => `на этом сервере не выполнить: ${reason}`,
  toRunThem: (remedy) => `Чтобы выполнить упражнения, недоступные на этом сервере: ${remedy}`,
  solutionHint: (id) => `Подсказки и эталонное решение: redis-tutor show ${id} --solution`,
  solved: (solved, total) => `решено ${solved}/${total}`,
  totalSolved: (solved, total) => `Решено упражнений: ${solved}/${total}. Открыть одно: redis-tutor show <id>`,
  noExercises: 'Упражнения не найдены.',
};

export function courseTexts(language: Language): CourseTexts {
  return language === 'ru' ? ru : en;
}
