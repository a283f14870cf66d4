import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { runProgram } from '../../src/program.js';
import { findProject } from '../../src/projects/load-project.js';
import { captureIo } from '../support/capture-io.js';

/** `redis-tutor project init N [DIR]`: the starter into a new folder, never over a file. */

const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-project-init-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('redis-tutor project init', () => {
  it.each([
    ['by variant, Python by default', ['1'], 'visits-py', 'app.py', 'python3 app.py'],
    ['by id, --lang javascript', ['voting', '--lang', 'javascript'], 'voting-js', 'app.mjs', 'node app.mjs'],
    ['--in js, as run takes it', ['7', '--in', 'js'], 'voting-in', 'app.mjs', 'node app.mjs'],
  ])('%s', async (_label, args, folder, mainFile, command) => {
    const io = captureIo({ cwd: scratch });
    const [which, ...flags] = args;
    expect(await runProgram(['project', 'init', which ?? '', folder, ...flags], io)).toBe(0);
    const project = await findProject(which ?? '');
    const language = mainFile.endsWith('.py') ? 'python' : 'javascript';
    expect(readdirSync(join(scratch, folder)).sort()).toEqual(readdirSync(join(project.dir, 'starter', language)).sort());
    expect(readFileSync(join(scratch, folder, mainFile), 'utf8')).toBe(readFileSync(join(project.dir, 'starter', language, mainFile), 'utf8'));
    expect(readFileSync(join(scratch, folder, 'redis-tutor.yaml'), 'utf8')).toContain(`command: ${command}`);
    expect(io.stdoutText()).toContain(`cd ${folder}`);
    expect(io.stdoutText()).toContain(mainFile);
  });

  it('makes the folder named after the project when none is given, and speaks Russian', async () => {
    const io = captureIo({ cwd: scratch, env: { LANG: 'ru_RU.UTF-8' } });
    expect(await runProgram(['project', 'init', '7'], io)).toBe(0);
    expect(readdirSync(join(scratch, 'voting'))).toContain('app.py');
    expect(io.stdoutText()).toContain('заготовка на Python — в voting');
  });

  it('never overwrites: a file already there stops it before anything is written, and says how to go on', async () => {
    const dir = join(scratch, 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'app.py'), 'my work\n');
    const attempt = runProgram(['project', 'init', '1', dir], captureIo({ cwd: scratch }));
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(/app\.py already exists: project init never overwrites a file/);
    expect(readFileSync(join(dir, 'app.py'), 'utf8')).toBe('my work\n');
    expect(readdirSync(dir)).toEqual(['app.py']);
  });

  it.each([
    ['no project named', ['project', 'init'], /project init needs a project/],
    ['an unknown project', ['project', 'init', '99', 'x'], /99/],
    ['a language it has no starter in', ['project', 'init', '1', 'x', '--in', 'ruby'], /--in takes python or javascript/],
    ['a program language outside init', ['project', 'test', '.', '--lang', 'python'], /names a program language, which only project init takes/],
    ['two folders for test', ['project', 'test', 'a', 'b'], /takes one folder, not 2/],
  ])('bad input is a usage error: %s', async (_label, argv, message) => {
    await expect(runProgram(argv, captureIo({ cwd: scratch }))).rejects.toThrow(message);
  });
});
