import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProgress } from '../../src/progress/progress-parse.js';
import { repoRoot } from '../e2e/support/compile-app.js';
import { compileForChild, type CompiledTree } from '../redis/support/compile-for-child.js';

/**
 * Two tutors on one REDIS_TUTOR_HOME, as two real Node processes saving
 * into one progress file at the same time, each knowing only its own
 * solves: nothing either of them solved may be lost.
 */
const SAVES_EACH = 60;

let tree: CompiledTree;
let dir: string;
beforeAll(() => {
  // Only what the child imports: the progress layer, and src/errors.ts beside it (the rest of src/ is slow to transpile).
  tree = compileForChild(['src/progress', 'test/progress/fixtures']);
  const errors = join(repoRoot, 'src', 'errors.ts');
  writeFileSync(tree.pathOf('src/errors.ts'), ts.transpileModule(readFileSync(errors, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, fileName: errors }).outputText);
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-two-tutors-'));
});
afterAll(() => {
  tree.remove();
  rmSync(dir, { recursive: true, force: true });
});

function tutorProcess(file: string, prefix: string) {
  const child = spawn(process.execPath, [tree.pathOf('test/progress/fixtures/save-many.ts'), file, prefix, String(SAVES_EACH)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // Every line is kept until asked for, so none is missed between two asks.
  const lines: string[] = [];
  const waiting: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const nextReport = () =>
    new Promise<string>((resolve, reject) => {
      const line = lines.shift();
      if (line !== undefined) return resolve(line);
      waiting.push(resolve);
      void ended.then((code) => reject(new Error(`${prefix} ended (${code}) before reporting:\n${stderr}`)));
    });
  return { nextReport, go: () => child.stdin.write('go\n'), ended, stderr: () => stderr };
}

describe('two tutor processes saving into one progress file', () => {
  it('the file ends with every exercise both of them solved', async () => {
    const file = join(dir, 'progress.json');
    const tutors = [tutorProcess(file, 'first'), tutorProcess(file, 'second')];
    for (const tutor of tutors) expect(await tutor.nextReport()).toBe('ready');
    for (const tutor of tutors) tutor.go();
    const results = await Promise.all(tutors.map(async (tutor) => JSON.parse(await tutor.nextReport()) as { failed: number }));
    const codes = await Promise.all(tutors.map((tutor) => tutor.ended));
    expect(codes, tutors.map((tutor) => tutor.stderr()).join('\n')).toEqual([0, 0]);
    expect(results).toEqual([{ failed: 0 }, { failed: 0 }]);

    const progress = parseProgress(readFileSync(file, 'utf8'));
    const solved = Object.entries(progress.exercises)
      .filter(([, entry]) => entry.status === 'solved')
      .map(([id]) => id)
      .sort();
    const expected = ['first', 'second'].flatMap((prefix) => Array.from({ length: SAVES_EACH }, (_, i) => `${prefix}/${i}`)).sort();
    expect(solved).toEqual(expected);
    // The exercise both opened: once, started, with the first tutor's look at the solution.
    expect(progress.exercises['shared/one']).toMatchObject({ status: 'started', withHelp: true });
    // No lock, draft or temporary file left behind.
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });
});
