import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import type { CheckStatus, DoctorReport } from './doctor-model.js';

export interface DoctorStyle {
  /** Level 0 for plain text; the caller decides (./colour.ts). */
  chalk: ChalkInstance;
  /** ✓ ✗ → need a UTF-8 terminal; elsewhere ASCII stands in. */
  unicode: boolean;
  /** The terminal's columns: long lines wrap between words to fit. Absent (piped output): lines stay whole, for grep. */
  width?: number;
}

const MARKS: Record<CheckStatus, { unicode: string; ascii: string; colour: 'green' | 'yellow' | 'red' }> = {
  ok: { unicode: '✓', ascii: '+', colour: 'green' },
  warn: { unicode: '!', ascii: '!', colour: 'yellow' },
  fail: { unicode: '✗', ascii: 'x', colour: 'red' },
};

/** Below this many columns for the text, wrapping would make a column of single words: the lines overflow instead. */
const NARROWEST_TEXT = 20;

/** One line per check, its next step under it, then the verdict. The only place doctor output is formatted. */
export function renderDoctor(report: DoctorReport, style: DoctorStyle): string {
  const { chalk } = style;
  const nameWidth = Math.max(...report.results.map((result) => stringWidth(result.name)));
  const arrow = style.unicode ? '→' : '->';
  const indent = ' '.repeat(nameWidth + 4);
  // Words are never cut: a word longer than the line (a path, a URL) stays whole and overflows.
  const wrap = (text: string, used: number): string[] =>
    style.width === undefined ? [text] : wrapAnsi(text, Math.max(NARROWEST_TEXT, style.width - used), { hard: false, trim: true }).split('\n');
  const lines: string[] = [];
  for (const result of report.results) {
    const mark = MARKS[result.status];
    const symbol = chalk[mark.colour](style.unicode ? mark.unicode : mark.ascii);
    const name = result.name + ' '.repeat(nameWidth - stringWidth(result.name));
    const [first = '', ...rest] = wrap(result.detail, indent.length);
    lines.push(`${symbol} ${name}  ${first}`, ...rest.map((line) => `${indent}${line}`));
    if (result.nextStep) {
      // The arrow's own width plus its space: continuation lines start under the text, not under the arrow.
      const hanging = ' '.repeat(stringWidth(arrow) + 1);
      result.nextStep.split('\n').forEach((paragraph, index) => {
        wrap(paragraph, indent.length + hanging.length).forEach((line, lineIndex) => {
          const lead = index === 0 && lineIndex === 0 ? `${arrow} ` : hanging;
          lines.push(`${indent}${chalk.dim(`${lead}${line}`)}`);
        });
      });
    }
  }
  const verdict = wrap(report.verdict, 0).map((line) => (report.exitCode === 0 ? chalk.green(line) : chalk.red(line)));
  lines.push('', ...verdict);
  return lines.join('\n') + '\n';
}
