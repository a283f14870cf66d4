import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgramLanguage } from '../../src/course/schema.js';
import { learnerProgramEnv } from '../../src/projects/learner-env.js';
import { chooseLanguage, languageOfFile, parseProgramLanguage } from '../../src/projects/program-language.js';
import { workspaceDir, workspaceFile } from '../../src/projects/workspace.js';

describe('parseProgramLanguage (--in)', () => {
  it.each([
    [undefined, undefined],
    ['python', 'python'],
    ['Python', 'python'],
    ['py', 'python'],
    ['python3', 'python'],
    ['javascript', 'javascript'],
    ['js', 'javascript'],
    ['node', 'javascript'],
    ['mjs', 'javascript'],
  ])('%s → %s', (value, language) => {
    expect(parseProgramLanguage(value)).toBe(language);
  });

  it.each([['ruby'], [''], [true]])('refuses %s with the choices', (value) => {
    expect(() => parseProgramLanguage(value)).toThrow(/--in takes python or javascript/);
  });
});

describe('languageOfFile', () => {
  it.each([
    ['counter.py', 'python'],
    ['/a/b/counter.PY', 'python'],
    ['counter.mjs', 'javascript'],
    ['counter.js', 'javascript'],
    ['counter.ts', undefined],
    ['counter.sh', undefined],
    ['counter', undefined],
  ])('%s → %s', (file, language) => {
    expect(languageOfFile(file)).toBe(language);
  });
});

describe('chooseLanguage', () => {
  const both: ProgramLanguage[] = ['python', 'javascript'];
  const choose = (requested: ProgramLanguage | undefined, offered: ProgramLanguage[], existing: Array<{ language: ProgramLanguage; modifiedMs: number }>) =>
    chooseLanguage({ exerciseId: 'm/e', requested, offered, existing });

  it.each([
    ['nothing yet: the first offered', undefined, both, [], 'python'],
    ['only JavaScript offered', undefined, ['javascript'], [], 'javascript'],
    ['asked for', 'javascript', both, [{ language: 'python', modifiedMs: 9 }], 'javascript'],
    ['the one file there is', undefined, both, [{ language: 'javascript', modifiedMs: 1 }], 'javascript'],
    ['the file changed last', undefined, both, [{ language: 'python', modifiedMs: 1 }, { language: 'javascript', modifiedMs: 2 }], 'javascript'],
    ['a file of a language no longer offered is ignored', undefined, ['python'], [{ language: 'javascript', modifiedMs: 5 }], 'python'],
  ] as const)('%s', (_name, requested, offered, existing, expected) => {
    expect(choose(requested, [...offered], [...existing])).toBe(expected);
  });

  it('refuses a language the exercise does not come in, naming those it does', () => {
    expect(() => choose('javascript', ['python'], [])).toThrow(/m\/e has no javascript starter; it comes in python/);
  });
});

describe('workspaceDir and workspaceFile', () => {
  it.each([
    ['--workspace wins', 'ws', { REDIS_TUTOR_WORKSPACE: '/env-ws', REDIS_TUTOR_HOME: '/home-dir' }, '/cwd/ws'],
    ['then REDIS_TUTOR_WORKSPACE', undefined, { REDIS_TUTOR_WORKSPACE: '/env-ws', REDIS_TUTOR_HOME: '/home-dir' }, '/env-ws'],
    ['then workspace/ in REDIS_TUTOR_HOME', undefined, { REDIS_TUTOR_HOME: '/home-dir' }, '/home-dir/workspace'],
    ['an empty option or variable counts as not given', '', { REDIS_TUTOR_WORKSPACE: '', REDIS_TUTOR_HOME: '/home-dir' }, '/home-dir/workspace'],
  ])('%s', (_name, option, env, expected) => {
    expect(workspaceDir(option, env, '/cwd')).toBe(expected);
  });

  it("defaults to workspace/ in the platform's data folder", () => {
    expect(workspaceDir(undefined, {}, '/cwd')).toMatch(/redis-tutor[/\\]workspace$/);
  });

  it.each([
    ['python', 'counter.py'],
    ['javascript', 'counter.mjs'],
  ] as const)('%s: MODULE/EXERCISE with the language extension', (language, name) => {
    expect(workspaceFile('/ws', { moduleId: 'basics', localId: 'counter' }, language)).toBe(join('/ws', 'basics', name));
  });
});

describe('learnerProgramEnv', () => {
  const linux = { platform: 'linux' as const, home: '/home/ann' };

  it("passes the learner's variables through but REDIS_* and what the tutor sets", () => {
    const { env, passEnv } = learnerProgramEnv(
      { PATH: '/bin', HOME: '/home/ann', LANG: 'C', VIRTUAL_ENV: '/venv', NODE_OPTIONS: '--x', REDIS_PASSWORD: 'prod', REDIS_URL: 'redis://prod', PYTHONUNBUFFERED: '0' },
      linux,
    );
    expect(passEnv.sort()).toEqual(['NODE_OPTIONS', 'PYTHONUSERBASE', 'VIRTUAL_ENV']);
    expect(env.VIRTUAL_ENV).toBe('/venv');
  });

  it.each([
    ['Linux: ~/.local, where pip install --user puts redis-py', {}, linux, '/home/ann/.local'],
    ['a PYTHONUSERBASE of the learner is kept', { PYTHONUSERBASE: '/mine' }, linux, '/mine'],
    ['macOS: left to Python (its user base is not ~/.local)', {}, { platform: 'darwin' as const, home: '/Users/ann' }, undefined],
  ])('PYTHONUSERBASE — %s', (_name, env, machine, expected) => {
    expect(learnerProgramEnv(env, machine).env.PYTHONUSERBASE).toBe(expected);
  });
});
