import type { ChalkInstance } from 'chalk';
import { chalkTheme } from '../markdown/chalk-theme.js';
import { parseInline } from '../markdown/inline.js';
import { renderMarkdown } from '../markdown/render-markdown.js';
import { hiddenChecksText } from './hidden-checks-text.js';
import type { ShowModel } from './show-model.js';
import { courseTexts } from './course-texts.js';
import { PLAIN } from './text-style.js';

/** Where `show` is not printed to a terminal, lines are laid out for the width people read text at. */
export const PIPED_WIDTH = 80;

/**
 * The `show` text. Lesson, task and hints are Markdown, laid out as the
 * tutor's screen lays them out (src/markdown): styled on a terminal, plain
 * text without the Markdown marks when `style` is the level-0 chalk.
 */
export function renderShow(model: ShowModel, style: ChalkInstance = PLAIN, width = PIPED_WIDTH): string {
  const sections: string[] = [];
  const t = courseTexts(model.language);
  const theme = chalkTheme(style);
  const heading = (text: string) => style.bold.underline(text);
  const indent = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => (line === '' ? '' : `  ${line}`))
      .join('\n');
  // Two columns go to the indent under each heading.
  const markdown = (text: string, prefixWidth = 2) => renderMarkdown(text, { width: width - prefixWidth, theme }).join('\n');
  const inline = (text: string) => parseInline(text).map((span) => (span.style === 'plain' ? span.text : theme[span.style](span.text))).join('');

  const needs = model.needs !== undefined ? `  ${t.needs(model.needs)}` : '';
  sections.push(`${style.bold(model.title)}  ${style.cyan(model.id)}\n${style.dim(`${model.module.title} (${model.module.id})${needs}`)}`);
  if (model.runsBeside !== undefined) sections.push(style.dim(model.runsBeside));
  if (model.cannotRun) sections.push(`${style.yellow(`✗ ${t.cannotRunHere(model.cannotRun.reason)}`)}\n  ${model.cannotRun.remedy}`);
  sections.push(`${heading(t.lesson)}\n${indent(markdown(model.lesson))}`);
  sections.push(`${heading(t.task)}\n${indent(markdown(model.task))}`);
  const hidden = model.hiddenChecks !== undefined ? [`  [ ] ${hiddenChecksText(model.hiddenChecks, undefined, model.language)}`] : [];
  sections.push(`${heading(t.checks)}\n${[...model.checks.map((check) => `  [ ] ${inline(check.description)}`), ...hidden].join('\n')}`);
  if (model.program) {
    const { program } = model;
    const lines = [t.programFile(program.file, program.language, program.created), t.programRun(program.run)];
    for (const other of program.otherLanguages) lines.push(t.programOther(other.language, other.run));
    for (const solution of program.solutions ?? []) lines.push(t.programSolution(solution.language, solution.file));
    sections.push(`${heading(t.program)}\n${lines.map((line) => `  ${line}`).join('\n')}`);
  }
  if (model.keys.length > 0) sections.push(`${heading(t.keys)}\n  ${model.keys.join('  ')}`);
  if (model.docs.length > 0) sections.push(`${heading(t.docs)}\n${model.docs.map((url) => `  ${url}`).join('\n')}`);
  if (model.hints) sections.push(`${heading(t.hints)}\n${model.hints.map((hint, index) => indent(numbered(index + 1, markdown(hint, 5)))).join('\n')}`);
  // The solution is redis-cli lines, printed as typed.
  if (model.solution !== undefined) sections.push(`${heading(t.solution)}\n${indent(model.solution)}`);
  else if (model.hints === undefined) sections.push(style.dim(t.solutionHint(model.id)));
  return `${sections.join('\n\n')}\n`;
}

/** `1. first line` with the rest hanging under the text. */
function numbered(number: number, text: string): string {
  const marker = `${number}. `;
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? marker + line : line === '' ? '' : ' '.repeat(marker.length) + line))
    .join('\n');
}
