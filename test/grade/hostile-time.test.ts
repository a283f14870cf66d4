import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { expectTimeout, gradeHostile, type HostileCase } from './support/hostile.js';
import { expectAllGone } from './support/processes.js';

const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const pidFile = join(scratch, 'pids');

/** Answers that never finish: each must be stopped at the per-exercise timeout. */
const cases: HostileCase[] = [
  { name: 'BLPOP 0', files: { 'basics/counter.redis': 'INCR views:home\nBLPOP nothing 0\nINCR views:home\n' }, timeoutSeconds: 1, expectHostile: expectTimeout(2) },
  { name: 'an endless Lua script (SCRIPT KILL)', files: { 'basics/counter.redis': 'EVAL "while true do end" 0\n' }, timeoutSeconds: 1, expectHostile: expectTimeout(1) },
  {
    name: 'an endless Lua script that wrote first (not killable: restart)',
    files: { 'basics/counter.redis': `EVAL "redis.call('SET', 'x', '1') while true do end" 0\n` },
    timeoutSeconds: 1,
    expectHostile: expectTimeout(1),
  },
  {
    name: 'an endless function (FUNCTION KILL)',
    files: { 'basics/counter.redis': `FUNCTION LOAD "#!lua name=evil\\nredis.register_function('spin', function() while true do end end)"\nFCALL spin 0\n` },
    timeoutSeconds: 1,
    expectHostile: expectTimeout(2),
  },
  {
    name: 'an endless script after CONFIG SET lua-time-limit 0 (never BUSY: restart)',
    files: { 'basics/counter.redis': 'CONFIG SET lua-time-limit 0\nEVAL "while true do end" 0\n' },
    timeoutSeconds: 1,
    expectHostile: expectTimeout(2),
  },
  {
    name: 'CLIENT PAUSE ALL (restart)',
    files: { 'basics/counter.redis': 'CLIENT PAUSE 60000 ALL\nINCR views:home\n' },
    timeoutSeconds: 1,
    expectHostile: expectTimeout(2),
  },
  { name: 'a program that sleeps', files: { 'basics/counter.sh': 'sleep 60\n' }, timeoutSeconds: 1, expectHostile: expectTimeout() },
  {
    name: 'a program that forks and ignores SIGTERM',
    files: {
      'basics/counter.py': [
        'import os, signal, time',
        'signal.signal(signal.SIGTERM, signal.SIG_IGN)',
        'os.fork()',
        "with open(os.environ['PIDFILE'], 'a') as f: f.write(f'{os.getpid()}\\n')",
        'while True: time.sleep(1)',
        '',
      ].join('\n'),
    },
    env: { PIDFILE: pidFile },
    timeoutSeconds: 1,
    expectHostile: expectTimeout(),
    afterwards: () => expectAllGone(pidFile, 2),
  },
];

describe('answers that never finish are stopped at the timeout, and the next verdicts hold', () => {
  it.each(cases)('$name', async (hostile) => {
    await gradeHostile(hostile);
  });
});
