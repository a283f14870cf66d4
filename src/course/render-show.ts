import type { ChalkInstance } from 'chalk';
import type { ShowModel } from './show-model.js';
import { courseTexts } from './course-texts.js';
import { PLAIN } from './text-style.js';

/** The `show` text. Lesson and task stay Markdown, which reads well as is. */
export function renderShow(model: ShowModel, style: ChalkInstance = PLAIN): string {
  const sections: string[] = [];
  const t = courseTexts(model.language);
  const heading = (text: string) => style.bold.underline(text);
  const indent = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => (line === '' ? '' : `  ${line}`))
      .join('\n');

  const needs = model.needs !== undefined ? `  ${t.needs(model.needs)}` : '';
  sections.push(`${style.bold(model.title)}  ${style.cyan(model.id)}\n${style.dim(`${model.module.title} (${model.module.id})${needs}`)}`);
  if (model.cannotRun) sections.push(`${style.yellow(`✗ ${t.cannotRunHere(model.cannotRun.reason)}`)}\n  ${model.cannotRun.remedy}`);
  sections.push(`${heading(t.lesson)}\n${indent(model.lesson)}`);
  sections.push(`${heading(t.task)}\n${indent(model.task)}`);
  sections.push(`${heading(t.checks)}\n${model.checks.map((check) => `  [ ] ${check.description}`).join('\n')}`);
  if (model.program) {
    const { program } = model;
    const lines = [t.programFile(program.file, program.language, program.created), t.programRun(program.run)];
    for (const other of program.otherLanguages) lines.push(t.programOther(other.language, other.run));
    for (const solution of program.solutions ?? []) lines.push(t.programSolution(solution.language, solution.file));
    sections.push(`${heading(t.program)}\n${lines.map((line) => `  ${line}`).join('\n')}`);
  }
  if (model.keys.length > 0) sections.push(`${heading(t.keys)}\n  ${model.keys.join('  ')}`);
  if (model.docs.length > 0) sections.push(`${heading(t.docs)}\n${model.docs.map((url) => `  ${url}`).join('\n')}`);
  if (model.hints) sections.push(`${heading(t.hints)}\n${model.hints.map((hint, index) => indent(`${index + 1}. ${hint}`)).join('\n')}`);
  if (model.solution !== undefined) sections.push(`${heading(t.solution)}\n${indent(model.solution)}`);
  else if (model.hints === undefined) sections.push(style.dim(t.solutionHint(model.id)));
  return `${sections.join('\n\n')}\n`;
}
