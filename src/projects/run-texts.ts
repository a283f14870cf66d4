import { russianPlural } from '../course/localize.js';
import type { Language } from '../course/schema.js';

/** Every word `redis-tutor run` prints around the program's output and the course's texts, in both languages. */
export interface RunTexts {
  yourProgram(file: string, language: string | undefined): string;
  created: string;
  runningOn(server: string): string;
  output: string;
  noOutput: string;
  outputCut(bytes: number): string;
  checks: string;
  solved: string;
  notYet(passed: number, total: number): string;
  runAgain(command: string): string;
  cannotRun(reason: string): string;
  skipped(reason: string): string;
}

const en: RunTexts = {
  yourProgram: (file, language) => `Your program: ${file}${language !== undefined ? ` (${language})` : ''}`,
  created: 'Made from the starter just now: open it in your editor, do the TODOs, and run again.',
  runningOn: (server) => `Running it once on a clean sandbox: ${server}`,
  output: 'Output',
  noOutput: '(the program printed nothing)',
  outputCut: (bytes) => `(only the end of ${bytes} bytes is shown)`,
  checks: 'Checks',
  solved: 'Solved: every check passes.',
  notYet: (passed, total) => `Not solved yet: ${passed} of ${total} ${total === 1 ? 'check passes' : 'checks pass'}.`,
  runAgain: (command) => `Change the program and run again: ${command}`,
  cannotRun: (reason) => `The program could not run: ${reason}`,
  skipped: (reason) => `This server cannot run the exercise: ${reason}`,
};

const ru: RunTexts = {
  yourProgram: (file, language) => `Ваша программа: ${file}${language !== undefined ? ` (${language})` : ''}`,
  created: 'Только что создана из заготовки: откройте её в редакторе, выполните TODO и запустите снова.',
  runningOn: (server) => `Запуск на чистой песочнице: ${server}`,
  output: 'Вывод',
  noOutput: '(программа ничего не напечатала)',
  outputCut: (bytes) => `(показан только конец из ${bytes} байт)`,
  checks: 'Проверки',
  solved: 'Решено: все проверки пройдены.',
  notYet: (passed, total) => `Пока не решено: пройдено ${passed} из ${total} ${russianPlural(total, 'проверки', 'проверок', 'проверок')}.`,
  runAgain: (command) => `Измените программу и запустите снова: ${command}`,
  cannotRun: (reason) => `Программу не удалось запустить: ${reason}`,
  skipped: (reason) => `Этот сервер не может выполнить упражнение: ${reason}`,
};

export function runTexts(language: Language): RunTexts {
  return language === 'ru' ? ru : en;
}
