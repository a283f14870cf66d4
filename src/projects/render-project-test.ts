import type { ChalkInstance } from 'chalk';
import { localize } from '../course/localize.js';
import type { Language } from '../course/schema.js';
import { gradeTexts } from '../grade/grade-texts.js';
import type { LoadedProject } from './load-project.js';
import { projectTexts } from './project-texts.js';
import type { ProjectTestResult, StageGrade } from './test-project.js';

/** How many lines of the failing run's output are shown. */
const SHOWN_OUTPUT_LINES = 12;

/**
 * The test for people: one line per stage that ran, and under the one that
 * failed a single clear failure — what was run, what was expected, what was
 * found, the program's output — then the next step.
 */
export function renderProjectTest(project: LoadedProject, result: ProjectTestResult, server: string, rerun: string, language: Language, style: ChalkInstance): string {
  const t = projectTexts(language);
  const total = project.stages.length;
  const out = [style.bold(t.testing(localize(project.title, language), project.variant, server)), ''];
  for (const stage of result.stages) {
    const title = localize(stage.title, language);
    const mark = stage.status === 'passed' ? style.green(`✓ ${t.passed}`) : style.red(`✗ ${t.failed}`);
    out.push(`${t.stage(stage.stage, total, title)}  ${mark}`);
    if (stage.status !== 'passed') out.push(...failureLines(project, stage, language, style));
  }
  out.push('');
  const last = result.stages.at(-1);
  if (result.passed) {
    out.push(style.green.bold(t.allPassed(result.stages.length, total)));
    const next = project.stages[result.stages.length];
    if (next !== undefined) out.push(t.nextStage(next.number, localize(next.title, language)));
  } else if (last !== undefined) {
    out.push(style.red.bold(`${t.failed}: ${t.stageOf(last.stage, total)}`), t.fixAndRerun(rerun));
  }
  return `${out.join('\n')}\n`;
}

function failureLines(project: LoadedProject, stage: StageGrade, language: Language, style: ChalkInstance): string[] {
  const t = projectTexts(language);
  const words = gradeTexts(language);
  const pad = (label: string) => `    ${`${label}:`.padEnd(Math.max(t.ran.length, t.expected.length, t.found.length) + 1)} `;
  const lines: string[] = [];
  for (const command of stage.failedStep?.ran ?? []) lines.push(`${pad(t.ran)}${style.cyan(`$ ${command}`)}`);
  if (stage.problem !== undefined) lines.push(`    ${style.red(words.problem(stage.problem))}`);
  const check = stage.failedCheck;
  if (check !== undefined) {
    lines.push(`    ${style.red('✗')} ${localize(check.description, language)}`);
    if (check.error !== undefined) lines.push(`${pad(words.checkError)}${localize(check.error, language)}`);
    else {
      lines.push(`${pad(t.expected)}${check.expected !== undefined ? localize(check.expected, language) : '?'}`);
      lines.push(`${pad(t.found)}${check.found !== undefined ? localize(check.found, language) : '?'}`);
    }
  }
  const output = stage.output;
  if (output !== undefined) {
    const text = output.text.replace(/\n$/, '');
    const shown = text === '' ? [style.dim(t.noOutput)] : text.split('\n').slice(-SHOWN_OUTPUT_LINES);
    lines.push(`    ${t.output}${output.exitCode !== 0 || output.signal !== null ? ` (${words.exitedWith(output.exitCode, output.signal)})` : ''}:`);
    lines.push(...shown.map((line) => `      ${line}`));
  }
  const hint = project.stages[stage.stage - 1]?.hint;
  if (hint !== undefined) lines.push(`    ${t.hint}: ${localize(hint, language)}`);
  return lines;
}
