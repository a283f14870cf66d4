import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/doctor/doctor-model.js';
import { renderDoctor } from '../../src/doctor/render-doctor.js';

const report: DoctorReport = {
  results: [
    { name: 'Node.js', status: 'ok', detail: 'v20.19.0' },
    { name: 'redis-cli', status: 'warn', detail: 'not found on PATH (optional)', nextStep: 'Install redis-tools.' },
    { name: 'redis-server', status: 'fail', detail: 'not found on PATH', nextStep: 'Install it:\napt or brew' },
  ],
  verdict: 'redis-tutor cannot run yet: fix the failed checks above.',
  exitCode: 2,
};
const plain = new Chalk({ level: 0 });

describe('renderDoctor', () => {
  it('plain text: a mark, the padded name, the detail; next steps indented under their line; the verdict last', () => {
    expect(renderDoctor(report, { chalk: plain, unicode: true })).toBe(
      [
        '✓ Node.js       v20.19.0',
        '! redis-cli     not found on PATH (optional)',
        '                → Install redis-tools.',
        '✗ redis-server  not found on PATH',
        '                → Install it:',
        '                  apt or brew',
        '',
        'redis-tutor cannot run yet: fix the failed checks above.',
        '',
      ].join('\n'),
    );
  });

  it('ASCII marks where the terminal is not UTF-8', () => {
    const text = renderDoctor(report, { chalk: plain, unicode: false });
    expect(text.split('\n').map((l) => l.slice(0, 2))).toEqual(expect.arrayContaining(['+ ', '! ', 'x ']));
    expect(text).toContain('-> Install redis-tools.');
    expect(text).not.toMatch(/[✓✗→]/u);
  });

  it('colour only through the chalk it is given', () => {
    const coloured = renderDoctor(report, { chalk: new Chalk({ level: 1 }), unicode: true });
    expect(coloured).toContain('\u001b[32m✓\u001b[39m Node.js');
    expect(coloured).toContain('\u001b[31m✗\u001b[39m redis-server');
    expect(renderDoctor(report, { chalk: plain, unicode: true })).not.toContain('\u001b[');
  });
});
