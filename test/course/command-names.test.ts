import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/course/check-course.js';
import { checkCommandName } from '../../src/course/command-names.js';
import { formatCourseProblem } from '../../src/course/course-problems.js';
import { REDIS_COMMAND_NAMES } from '../../src/course/redis-commands.js';

describe('checkCommandName: used/notUsed names against the shipped command table', () => {
  it.each(['SET', 'INCR', 'CONFIG', 'CONFIG SET', 'OBJECT ENCODING', 'XGROUP CREATE', 'CLIENT NO-TOUCH', 'HEXPIRE', 'GETDEL'])('%s is a command', (name) => {
    expect(checkCommandName(name)).toBeUndefined();
  });

  it.each([
    ['SETT', 'SETT is not a Redis command — did you mean SET?'],
    ['ZADDD', 'ZADDD is not a Redis command — did you mean ZADD?'],
    ['CONFIG SETT', 'CONFIG SETT is not a subcommand of CONFIG — did you mean CONFIG SET?'],
    ['OBJECT ENCODINGS', 'OBJECT ENCODINGS is not a subcommand of OBJECT — did you mean OBJECT ENCODING?'],
    ['SET NX', 'SET has no subcommand NX — arguments go in with: { command: SET, with: [NX] }'],
    ['CONFIG SET MAXMEMORY', 'CONFIG SET has no subcommand MAXMEMORY — arguments go in with: { command: CONFIG SET, with: [MAXMEMORY] }'],
  ])('%s is an error', (name, message) => {
    expect(checkCommandName(name)).toEqual({ severity: 'error', message });
  });

  it('a module command the table does not know is only a warning', () => {
    expect(checkCommandName('JSON.SETT')).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^JSON\.SETT is not a command of redis .*; fine if a module of your server provides it$/) as unknown });
  });

  it('the table works offline and knows commands of several releases, subcommands as two words', () => {
    expect(REDIS_COMMAND_NAMES.length).toBeGreaterThan(400);
    expect(REDIS_COMMAND_NAMES).toEqual(expect.arrayContaining(['GET', 'LMPOP', 'HGETEX', 'VADD', 'CONFIG GET', 'ACL SETUSER', 'FUNCTION LOAD']));
    expect(REDIS_COMMAND_NAMES.every((name) => name === name.toUpperCase() && !name.includes('|'))).toBe(true);
  });
});

describe('validate reports a misspelt command name at its place in the file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'redis-tutor-command-names-'));
    await mkdir(join(dir, '01-m'));
    await writeFile(join(dir, '01-m', 'module.yaml'), 'formatVersion: 1\nid: m\ntitle: { en: M, ru: М }\nsummary: { en: S, ru: С }\n');
    await writeFile(
      join(dir, '01-m', '01-lock.yaml'),
      [
        'formatVersion: 1',
        'id: lock',
        'title: { en: T, ru: Т }',
        'lesson: { en: L, ru: Л }',
        'task: { en: T, ru: Т }',
        'hints: [{ en: H, ru: П }]',
        'solution: SET lock 1 NX',
        'checks:',
        '  - description: { en: D, ru: Д }',
        '    used: SETT',
        '  - description: { en: D, ru: Д }',
        '    used: [SETNX, { command: CONFIG SETT, with: [maxmemory] }]',
        '  - description: { en: D, ru: Д }',
        '    notUsed: [KEYS, SCANN]',
        '  - description: { en: D, ru: Д }',
        '    used: { command: SET, with: [NX] }',
        '  - description: { en: D, ru: Д }',
        '    used: GET',
        '    before: { command: SETT, with: [lock] }',
        '    after: [FLUSHALL, FLUSHDBB]',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('as an error with the name it most likely meant', async () => {
    const { problems } = await checkCourse(dir);
    const lines = problems.filter((problem) => problem.code === 'unknown-command').map((problem) => formatCourseProblem(problem, dir));
    expect(lines).toEqual([
      '01-m/01-lock.yaml:10:11: checks[0].used: SETT is not a Redis command — did you mean SET?',
      '01-m/01-lock.yaml:12:30: checks[1].used[1]: CONFIG SETT is not a subcommand of CONFIG — did you mean CONFIG SET?',
      '01-m/01-lock.yaml:14:21: checks[2].notUsed[1]: SCANN is not a Redis command — did you mean SCAN?',
      '01-m/01-lock.yaml:19:24: checks[4].before: SETT is not a Redis command — did you mean SET?',
      '01-m/01-lock.yaml:20:23: checks[4].after[1]: FLUSHDBB is not a Redis command — did you mean FLUSHDB?',
    ]);
  });
});
