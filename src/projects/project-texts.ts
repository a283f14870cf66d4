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
  initialized(variant: number, title: string, language: string, dir: string, files: readonly string[]): string;
  initNext(dir: string, mainFile: string): string;
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
  allPassed: (count, total) => (count === total ? `All ${total} stages pass.` : count === 1 ? `Stage 1 of ${total} passes.` : `Stages 1–${count} of ${total} pass.`),
  nextStage: (number, title) => `Next: stage ${number}, ${title}. Build it, then set stage: ${number} in redis-tutor.yaml (or run with --stage ${number}).`,
  fixAndRerun: (command) => `Fix your program and run again: ${command}`,
  stageOf: (number, total) => `stage ${number} of ${total}`,
  initialized: (variant, title, language, dir, files) => `Project ${variant}, ${title}: the ${language} starter is in ${dir} (${files.join(', ')}).`,
  initNext: (dir, mainFile) => `Next: cd ${dir}, read the stages (redis-tutor project show), write stage 1 in ${mainFile}, then run redis-tutor project test.`,
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
  allPassed: (count, total) => (count === total ? `Пройдены все этапы: ${total}.` : count === 1 ? `Этап 1 из ${total} пройден.` : `Этапы 1–${count} из ${total} пройдены.`),
  nextStage: (number, title) => `Дальше: этап ${number}, ${title}. Сделайте его, затем укажите stage: ${number} в redis-tutor.yaml (или запустите с --stage ${number}).`,
  fixAndRerun: (command) => `Исправьте программу и запустите снова: ${command}`,
  stageOf: (number, total) => `этап ${number} из ${total}`,
  initialized: (variant, title, language, dir, files) => `Проект ${variant}, ${title}: заготовка на ${language === 'python' ? 'Python' : 'JavaScript'} — в ${dir} (${files.join(', ')}).`,
  initNext: (dir, mainFile) => `Дальше: cd ${dir}, прочитайте этапы (redis-tutor project show), напишите этап 1 в ${mainFile} и запустите redis-tutor project test.`,
};

export function projectTexts(language: Language): ProjectTexts {
  return language === 'ru' ? ru : en;
}
