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
  /** A program exercise: the heading, the learner's file, how to run it, the other languages. */
  program: string;
  programFile(file: string, language: string, created: boolean): string;
  programRun(command: string): string;
  programOther(language: string, command: string): string;
  programSolution(language: string, file: string): string;
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
  /** The meaning of list's marks, in its last line. */
  legend: { solved: string; solvedWithHelp: string; started: string; new: string };
}

const en: CourseTexts = {
  lesson: 'Lesson',
  task: 'Task',
  checks: 'Checks',
  keys: 'Keys',
  docs: 'Docs',
  hints: 'Hints',
  solution: 'Solution',
  program: 'Your program',
  programFile: (file, language, created) => `${file} (${language}${created ? ', just made from the starter' : ''})`,
  programRun: (command) => `Edit it in your editor, then run and check it: ${command}`,
  programOther: (language, command) => `In ${languageName(language)} instead: ${command}`,
  programSolution: (language, file) => `Reference solution in ${languageName(language)}: ${file}`,
  needs: (needs) => `(needs ${needs})`,
  cannotRunHere: (reason) => `cannot run on this server: ${reason}`,
  toRunThem: (remedy) => `To run the exercises that cannot run on this server: ${remedy}`,
  solutionHint: (id) => `Hints and the reference solution: redis-tutor show ${id} --solution`,
  solved: (solved, total) => `${solved}/${total} solved`,
  totalSolved: (solved, total) => `${solved}/${total} exercises solved. Read one with: redis-tutor show <id>`,
  noExercises: 'No exercises found.',
  legend: { solved: 'solved', solvedWithHelp: 'solved with help', started: 'started', new: 'not started' },
};

const ru: CourseTexts = {
  lesson: 'Урок',
  task: 'Задание',
  checks: 'Проверки',
  keys: 'Ключи',
  docs: 'Документация',
  hints: 'Подсказки',
  solution: 'Решение',
  program: 'Ваша программа',
  programFile: (file, language, created) => `${file} (${language}${created ? ', только что создана из заготовки' : ''})`,
  programRun: (command) => `Отредактируйте её в своём редакторе, затем запустите и проверьте: ${command}`,
  programOther: (language, command) => `На ${languageName(language)}: ${command}`,
  programSolution: (language, file) => `Эталонное решение на ${languageName(language)}: ${file}`,
  needs: (needs) => `(нужно: ${needs})`,
  cannotRunHere: (reason) => `на этом сервере не выполнить: ${reason}`,
  toRunThem: (remedy) => `Чтобы выполнить упражнения, недоступные на этом сервере: ${remedy}`,
  solutionHint: (id) => `Подсказки и эталонное решение: redis-tutor show ${id} --solution`,
  solved: (solved, total) => `решено ${solved}/${total}`,
  totalSolved: (solved, total) => `Решено упражнений: ${solved}/${total}. Открыть одно: redis-tutor show <id>`,
  noExercises: 'Упражнения не найдены.',
  legend: { solved: 'решено', solvedWithHelp: 'решено с подсказкой', started: 'начато', new: 'не начато' },
};

/** `javascript` → JavaScript: how people write the names of the languages. */
function languageName(language: string): string {
  return language === 'javascript' ? 'JavaScript' : language === 'python' ? 'Python' : language;
}

export function courseTexts(language: Language): CourseTexts {
  return language === 'ru' ? ru : en;
}
