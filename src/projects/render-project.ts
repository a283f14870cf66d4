import type { ChalkInstance } from 'chalk';
import { localize } from '../course/localize.js';
import type { Language } from '../course/schema.js';
import type { LoadedProject } from './load-project.js';

const LEVELS: Record<LoadedProject['level'], { en: string; ru: string }> = {
  basic: { en: 'basic', ru: 'базовый' },
  intermediate: { en: 'intermediate', ru: 'средний' },
  advanced: { en: 'advanced', ru: 'продвинутый' },
};

const WORDS = {
  en: { stages: 'stages', schema: 'Data schema in Redis', stagesTitle: 'Stages', test: 'Test your program: redis-tutor project test DIR (DIR has redis-tutor.yaml with project: and command:)' },
  ru: { stages: 'этапов', schema: 'Схема данных в Redis', stagesTitle: 'Этапы', test: 'Проверка программы: redis-tutor project test DIR (в DIR — redis-tutor.yaml с project: и command:)' },
};

/** `project list`: one line per project — variant, id, level, stages, title. */
export function renderProjectList(projects: readonly LoadedProject[], language: Language, style: ChalkInstance): string {
  const w = WORDS[language];
  const idWidth = Math.max(0, ...projects.map((project) => project.id.length));
  const lines = projects.map(
    (project) =>
      `${String(project.variant).padStart(2)}  ${project.id.padEnd(idWidth)}  ${LEVELS[project.level][language].padEnd(12)} ${String(project.stages.length).padStart(2)} ${w.stages}  ${style.bold(localize(project.title, language))}`,
  );
  return `${lines.join('\n')}\n`;
}

/** `project show N`: the summary, the data schema and every stage's task. */
export function renderProject(project: LoadedProject, language: Language, style: ChalkInstance): string {
  const w = WORDS[language];
  const out = [style.bold(`${project.variant}. ${localize(project.title, language)}`), localize(project.summary, language), '', style.bold.underline(w.schema)];
  for (const key of project.schema) out.push(`  ${style.cyan(key.key)} (${key.type}) — ${localize(key.description, language)}`);
  out.push('', style.bold.underline(w.stagesTitle));
  for (const stage of project.stages) out.push(`  ${stage.number}. ${style.bold(localize(stage.title, language))}`, `     ${localize(stage.description, language)}`);
  out.push('', w.test);
  return `${out.join('\n')}\n`;
}
