import type { ChalkInstance } from 'chalk';
import type { Language } from '../../course/schema.js';
import { programTexts } from '../../tutor/program-texts.js';
import type { ProgramView } from '../../tutor/state/program-state.js';
import { hardWrap, wordWrap } from '../layout.js';

/** The pane of a program exercise: its head (the file, how the last run went) always shown, its body (output, then the transcript) from the end. */
export interface ProgramPane {
  head: string[];
  body: string[];
}

/**
 * Where the transcript is for typed exercises: the learner's file, the
 * state of the latest run, and its output as the program printed it (a
 * traceback included), then the transcript (hints, the prompt's lines).
 */
export function programPane(view: ProgramView, transcript: readonly string[], width: number, chalk: ChalkInstance, language: Language): ProgramPane {
  const t = programTexts(language);
  const head = hardWrap(`${chalk.bold(t.yourFile(view.language))} ${view.file}`, width);
  const body: string[] = [];
  const run = view.run;
  if (view.editor !== undefined) head.push(chalk.cyan(t.editing(view.editor)));
  else if (run.kind === 'waiting') head.push(`${view.created ? `${chalk.yellow(t.created)} ` : ''}${chalk.dim(t.waiting)}`);
  else if (run.kind === 'running') head.push(chalk.yellow(`${t.output} · ${t.running}`));
  else if (run.kind === 'checked') head.push((run.passed ? chalk.green : chalk.bold)(`${t.output} · ${t.checked(run.passed, run.exitCode, run.ms)}`));
  else head.push(chalk.red(`${t.output} · ${t.failed(run.exitCode, run.ms)}`));
  if (run.kind !== 'waiting') {
    const output = view.output.replace(/\r\n/g, '\n').replace(/\n$/, '');
    if (output === '' && run.kind !== 'running') body.push(chalk.dim(t.noOutput));
    else if (output !== '') for (const line of output.split('\n')) body.push(...hardWrap(stripControls(line), width));
  }
  if (run.kind === 'failed') body.push(...wordWrap(run.problem[language], width).map((line) => chalk.red(line)));
  if (transcript.length > 0) body.push(chalk.dim('─'.repeat(Math.min(width, 20))), ...transcript);
  return { head, body };
}

/** The pane in `rows`: the head first (cut only when there is no room at all), the body's last lines after it. */
export function fitPane(pane: ProgramPane, rows: number): string[] {
  const head = pane.head.slice(0, rows);
  const room = rows - head.length;
  return room > 0 ? [...head, ...pane.body.slice(-room)] : head;
}

/** A program's own escape sequences and carriage returns would move the cursor over the frame: shown as text instead. */
function stripControls(line: string): string {
  // eslint-disable-next-line no-control-regex -- exactly the control characters are what is replaced
  return line.replace(/[\x00-\x09\x0b-\x1f\x7f]/g, (c) => (c === '\t' ? '    ' : '�'));
}
