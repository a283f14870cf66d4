import type { Language } from '../course/schema.js';

/** Every word `redis-tutor project test` prints around the project's own texts, in both languages. */
export interface ProjectTexts {
  testing(title: string, variant: number, server: string): string;
  stage(number: number, total: number, title: string): string;
  passed: string;
  failed: string;
  ran: string;
  expected: string;
  found: string;
  output: string;
  noOutput: string;
  hint: string;
  allPassed(count: number, total: number): string;
  nextStage(number: number, title: string): string;
  fixAndRerun(command: string): string;
  stageOf(number: number, total: number): string;
}

const en: ProjectTexts = {
  testing: (title, variant, server) => `Project ${variant}: ${title} — testing on a clean sandbox (${server})`,
  stage: (number, total, title) => `Stage ${number}/${total}: ${title}`,
  passed: 'passed',
  failed: 'failed',
  ran: 'Ran',
  expected: 'Expected',
  found: 'Found',
  output: 'Its output',
  noOutput: '(it printed nothing)',
  hint: 'Hint',
  allPassed: (count, total) => `All ${count} of ${total} stages pass.`,
  nextStage: (number, title) => `Next: stage ${number}, ${title}. Build it, then run the tests again with --stage ${number}.`,
  fixAndRerun: (command) => `Fix your program and run again: ${command}`,
  stageOf: (number, total) => `stage ${number} of ${total}`,
};

const ru: ProjectTexts = {
  testing: (title, variant, server) => `Проект ${variant}: ${title} — проверка на чистой песочнице (${server})`,
  stage: (number, total, title) => `Этап ${number}/${total}: ${title}`,
  passed: 'пройден',
  failed: 'не пройден',
  ran: 'Запуск',
  expected: 'Ожидалось',
  found: 'Получено',
  output: 'Вывод программы',
  noOutput: '(программа ничего не напечатала)',
  hint: 'Подсказка',
  allPassed: (count, total) => `Пройдены все этапы: ${count} из ${total}.`,
  nextStage: (number, title) => `Дальше: этап ${number}, ${title}. Сделайте его и запустите проверку с --stage ${number}.`,
  fixAndRerun: (command) => `Исправьте программу и запустите снова: ${command}`,
  stageOf: (number, total) => `этап ${number} из ${total}`,
};

export function projectTexts(language: Language): ProjectTexts {
  return language === 'ru' ? ru : en;
}
