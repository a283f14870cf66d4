import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import { loadProgress } from '../../src/progress/progress-store.js';
import { renderError } from '../../src/render-error.js';

/** Each way the progress file cannot be used is an EnvironmentError: one line, the next step, exit 2. */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-load-errors-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<EnvironmentError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(EnvironmentError);
  const rendered = renderError(error);
  expect(rendered.exitCode).toBe(2);
  expect(rendered.text.trimEnd().split('\n')).toHaveLength(2);
  return error as EnvironmentError;
}

describe('loadProgress failures', () => {
  it('a file where a folder of the path should be', async () => {
    const blocker = join(dir, 'home');
    writeFileSync(blocker, '');
    const error = await failure(loadProgress(join(blocker, 'deeper', 'progress.json')));
    expect(error.message).toBe(`cannot read your progress file: ${blocker} is a file, not a folder.`);
    expect(error.nextStep).toMatch(/^Point REDIS_TUTOR_HOME at a folder/);
  });

  it('a folder named progress.json', async () => {
    const file = join(dir, 'progress.json');
    mkdirSync(file);
    const error = await failure(loadProgress(file));
    expect(error.message).toBe(`cannot read your progress file: ${file} is a folder, not a file.`);
    expect(error.nextStep).toBe('Move that folder away, or point REDIS_TUTOR_HOME at another folder.');
  });

  it('a corrupt file, for list (which never moves files)', async () => {
    const file = join(dir, 'progress.json');
    writeFileSync(file, '[1, 2');
    const error = await failure(loadProgress(file, { moveCorruptAside: false }));
    expect(error.message).toMatch(/^your progress file .+ cannot be read \(.+\)\.$/);
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it('a corrupt file that cannot be moved aside (the move is refused: a folder stands at its new name)', async () => {
    const file = join(dir, 'progress.json');
    writeFileSync(file, '{');
    const now = new Date('2025-02-03T04:05:06Z');
    mkdirSync(join(dir, 'progress.json.corrupt-2025-02-03T04-05-06-000Z', 'full'), { recursive: true });
    const error = await failure(loadProgress(file, { now }));
    expect(error.message).toMatch(new RegExp(`^your progress file ${file} cannot be read \\(.+\\), and it could not be moved aside: .+\\.$`));
    expect(error.nextStep).toMatch(/redis-tutor start --fresh/);
  });
});
