import type { ChalkInstance } from 'chalk';
import type { ShowModel } from './show-model.js';
import { PLAIN } from './text-style.js';

/** The `show` text. Lesson and task stay Markdown, which reads well as is. */
export function renderShow(model: ShowModel, style: ChalkInstance = PLAIN): string {
  const sections: string[] = [];
  const heading = (text: string) => style.bold.underline(text);
  const indent = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => (line === '' ? '' : `  ${line}`))
      .join('\n');

  const needs = model.requires ? `  (needs ${model.requires})` : '';
  sections.push(`${style.bold(model.title)}  ${style.cyan(model.id)}\n${style.dim(`${model.module.title} (${model.module.id})${needs}`)}`);
  sections.push(`${heading('Lesson')}\n${indent(model.lesson)}`);
  sections.push(`${heading('Task')}\n${indent(model.task)}`);
  sections.push(`${heading('Checks')}\n${model.checks.map((check) => `  [ ] ${check.description}`).join('\n')}`);
  if (model.keys.length > 0) sections.push(`${heading('Keys')}\n  ${model.keys.join('  ')}`);
  if (model.docs.length > 0) sections.push(`${heading('Docs')}\n${model.docs.map((url) => `  ${url}`).join('\n')}`);
  if (model.hints) sections.push(`${heading('Hints')}\n${model.hints.map((hint, index) => indent(`${index + 1}. ${hint}`)).join('\n')}`);
  if (model.solution !== undefined) sections.push(`${heading('Solution')}\n${indent(model.solution)}`);
  else sections.push(style.dim(`Hints and the reference solution: redis-tutor show ${model.id} --solution`));
  return `${sections.join('\n\n')}\n`;
}
