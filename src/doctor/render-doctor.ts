import type { ChalkInstance } from 'chalk';
import type { CheckStatus, DoctorReport } from './doctor-model.js';

export interface DoctorStyle {
  /** Level 0 for plain text; the caller decides (./colour.ts). */
  chalk: ChalkInstance;
  /** ✓ ✗ → need a UTF-8 terminal; elsewhere ASCII stands in. */
  unicode: boolean;
}

const MARKS: Record<CheckStatus, { unicode: string; ascii: string; colour: 'green' | 'yellow' | 'red' }> = {
  ok: { unicode: '✓', ascii: '+', colour: 'green' },
  warn: { unicode: '!', ascii: '!', colour: 'yellow' },
  fail: { unicode: '✗', ascii: 'x', colour: 'red' },
};

/** One line per check, its next step under it, then the verdict. The only place doctor output is formatted. */
export function renderDoctor(report: DoctorReport, style: DoctorStyle): string {
  const { chalk } = style;
  const width = Math.max(...report.results.map((result) => result.name.length));
  const arrow = style.unicode ? '→' : '->';
  const lines: string[] = [];
  for (const result of report.results) {
    const mark = MARKS[result.status];
    const symbol = chalk[mark.colour](style.unicode ? mark.unicode : mark.ascii);
    lines.push(`${symbol} ${result.name.padEnd(width)}  ${result.detail}`);
    if (result.nextStep) {
      const indent = ' '.repeat(width + 4);
      const [first = '', ...rest] = result.nextStep.split('\n');
      lines.push(`${indent}${chalk.dim(`${arrow} ${first}`)}`, ...rest.map((line) => `${indent}${chalk.dim(`  ${line}`)}`));
    }
  }
  lines.push('', report.exitCode === 0 ? chalk.green(report.verdict) : chalk.red(report.verdict));
  return lines.join('\n') + '\n';
}
