import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExerciseGrade } from '../../src/results/report-model.js';
import { gradeHostile, type HostileCase } from './support/hostile.js';
import { expectAllGone } from './support/processes.js';

const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** Where an answer tries to make the server write. */
const outsideDir = mkdtempSync(join(scratch, 'outside-'));
const backgroundPidFile = join(scratch, 'background-pids');

const INCR_THREE = 'INCR views:home\nINCR views:home\nINCR views:home\n';
const sh = (script: string) => ({ 'basics/counter.sh': script });
const cli = 'redis-cli -u "$REDIS_URL"';

function passed(grade: ExerciseGrade): void {
  expect(grade.problem).toBeUndefined();
  expect(grade.status).toBe('passed');
}

function failedWith(code: string) {
  return (grade: ExerciseGrade) => {
    expect(grade.status).toBe('failed');
    expect(grade.problem?.code).toBe(code);
  };
}

function lineError(line: number, pattern: RegExp) {
  return (grade: ExerciseGrade) => {
    expect(grade.lineErrors?.find((error) => error.line === line)?.error).toMatch(pattern);
  };
}

/** Answers that attack the server, the file system or the grader's output. */
const cases: HostileCase[] = [
  { name: 'SHUTDOWN', files: { 'basics/counter.redis': `SHUTDOWN NOSAVE\n${INCR_THREE}` }, timeoutSeconds: 2, expectHostile: failedWith('server-stopped') },
  {
    name: 'CLIENT KILL of the checker',
    // SKIPME yes: every connection but the learner's, the tutor's checker and subscriber included.
    files: { 'basics/counter.redis': `CLIENT KILL TYPE normal\n${INCR_THREE}` },
    timeoutSeconds: 2,
    expectHostile: passed,
  },
  {
    name: "ACL DELUSER of the tutor's own user (restart)",
    files: sh(`for user in $(${cli} ACL USERS); do case "$user" in redis-tutor-checker-*) ${cli} ACL DELUSER "$user";; esac; done\n`),
    timeoutSeconds: 2,
    expectHostile: failedWith('server-hung'),
  },
  { name: 'CONFIG SET requirepass', files: { 'basics/counter.redis': `CONFIG SET requirepass s3cret\n${INCR_THREE}` }, timeoutSeconds: 2, expectHostile: passed },
  {
    name: 'CONFIG SET maxmemory-policy, maxmemory, maxclients, lua-time-limit',
    files: { 'basics/counter.redis': `CONFIG SET maxmemory-policy allkeys-random\nCONFIG SET maxclients 1\nCONFIG SET lua-time-limit 0\nCONFIG SET maxmemory 1\n${INCR_THREE}` },
    timeoutSeconds: 2,
    expectHostile(grade) {
      expect(grade.status).toBe('failed');
      lineError(5, /^OOM/)(grade);
    },
  },
  {
    name: 'ACL SETUSER default off',
    files: { 'basics/counter.redis': `ACL SETUSER default off\nINCR views:home\n` },
    timeoutSeconds: 2,
    expectHostile: (grade) => expect(grade.checks[0]).toMatchObject({ passed: false, found: { en: '"1"', ru: '"1"' } }),
  },
  { name: 'FLUSHALL', files: { 'basics/counter.redis': `FLUSHALL\n${INCR_THREE}` }, timeoutSeconds: 2, expectHostile: passed },
  {
    name: 'DEBUG is refused',
    files: { 'basics/counter.redis': `DEBUG SEGFAULT\nDEBUG SLEEP 30\n${INCR_THREE}` },
    timeoutSeconds: 2,
    expectHostile(grade) {
      passed(grade);
      lineError(1, /DEBUG command not allowed/)(grade);
      lineError(2, /DEBUG command not allowed/)(grade);
    },
  },
  {
    name: 'a memory bomb (past maxmemory inside a Lua script)',
    files: { 'basics/counter.redis': `CONFIG SET maxmemory 0\nEVAL "for i = 1, 1000 do redis.call('SETRANGE', 'k' .. i, 100000000, 'x') end" 0\n` },
    // Long enough that only the memory watchdog, not the timeout, can end it this soon.
    timeoutSeconds: 8,
    expectHostile: failedWith('memory-limit'),
  },
  {
    name: 'CONFIG SET dir / dbfilename + SAVE cannot write outside the server',
    files: { 'basics/counter.redis': `CONFIG SET dir ${outsideDir}\nCONFIG SET dbfilename ../../evil.rdb\nSAVE\n${INCR_THREE}` },
    timeoutSeconds: 2,
    expectHostile(grade) {
      lineError(1, /can't set protected config/)(grade);
      lineError(2, /can't set protected config/)(grade);
      passed(grade);
    },
    afterwards: () => expect(readdirSync(outsideDir)).toEqual([]),
  },
  {
    name: 'MODULE LOAD is refused',
    files: { 'basics/counter.redis': `MODULE LOAD ${join(scratch, 'evil.so')}\n${INCR_THREE}` },
    timeoutSeconds: 2,
    expectHostile(grade) {
      lineError(1, /MODULE command not allowed/)(grade);
      passed(grade);
    },
  },
  {
    name: 'a program printing gigabytes',
    files: sh('yes "all work and no play makes Jack a dull boy"\n'),
    timeoutSeconds: 5,
    expectHostile(grade) {
      failedWith('output-limit')(grade);
      expect(grade.output?.bytes).toBeGreaterThan(8 * 1024 * 1024);
      expect(grade.output?.truncated).toBe(true);
      expect(grade.output?.text.length).toBeLessThanOrEqual(4096);
    },
  },
  {
    name: 'a program that leaves a child writing in the background',
    files: sh(
      `${INCR_THREE.trim().split('\n').map((line) => `${cli} ${line} >/dev/null`).join('\n')}\n` +
        `( trap '' TERM; while true; do ${cli} SET greeting hacked >/dev/null; done ) &\necho $! >> "$PIDFILE"\nexit 0\n`,
    ),
    env: { PIDFILE: backgroundPidFile },
    timeoutSeconds: 2,
    expectHostile: passed,
    afterwards: () => expectAllGone(backgroundPidFile, 1),
  },
  {
    name: 'a program that starts an endless script and exits',
    // The EVAL is on the wire before the program exits; it never reads the reply that will not come.
    files: {
      'basics/counter.py': [
        'import os, socket',
        "sock = socket.create_connection((os.environ['REDIS_HOST'], int(os.environ['REDIS_PORT'])))",
        "password = os.environ.get('REDIS_PASSWORD', '').encode()",
        "if password: sock.sendall(b'*2\\r\\n$4\\r\\nAUTH\\r\\n$%d\\r\\n%s\\r\\n' % (len(password), password)); sock.recv(64)",
        "sock.sendall(b'*3\\r\\n$4\\r\\nEVAL\\r\\n$17\\r\\nwhile true do end\\r\\n$1\\r\\n0\\r\\n')",
        '',
      ].join('\n'),
    },
    timeoutSeconds: 2,
    expectHostile: (grade) => expect(grade.status).toBe('failed'),
  },
];

describe('answers that attack the server, the file system or the output do not affect the next verdicts', () => {
  it.each(cases)('$name', async (hostile) => {
    await gradeHostile(hostile);
  });
});
