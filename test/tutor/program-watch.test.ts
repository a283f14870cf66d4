import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseInterpreters } from '../../src/programs/interpreters.js';
import { ProgressStore } from '../../src/progress/progress-store.js';
import { tuiProgramRuns } from '../../src/projects/tui-program-runs.js';
import { ProgramWatch } from '../../src/tutor/program-watch.js';
import { pathWithRedisPy } from '../support/python-with-redis.js';
import { waitUntil } from '../support/wait-until.js';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

const PROGRAMS_COURSE = join(import.meta.dirname, '..', 'fixtures', 'course-programs');
const COUNTER = join(PROGRAMS_COURSE, '01-basics', 'programs', 'counter');

let tui: HeadlessTutor | undefined;
let watch: ProgramWatch | undefined;
let workspace: string | undefined;
afterEach(async () => {
  await watch?.close();
  await tui?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  tui = watch = workspace = undefined;
});

/** The headless tutor (a real controller and server) with the program watch start.ts adds. */
async function openCounter(): Promise<{ tui: HeadlessTutor; watch: ProgramWatch; file: string }> {
  workspace = mkdtempSync(join(tmpdir(), 'redis-tutor-workspace-'));
  tui = await startHeadlessTutor({ course: PROGRAMS_COURSE, exercise: 'basics/counter' });
  const env = { ...process.env, PATH: pathWithRedisPy() };
  const runs = tuiProgramRuns({ supervisor: tui.supervisor, env, cwd: workspace, workspace, interpreters: chooseInterpreters({}, env) });
  watch = new ProgramWatch({ store: tui.store, course: tui.course, runs, progressStore: new ProgressStore(undefined) });
  // The watch follows the store: the exercise opening again is what it sees.
  await tui.controller.openExercise('basics/counter');
  const store = tui.store;
  const view = await waitUntil(() => store.getState().program, 'the program view');
  return { tui, watch, file: view.file };
}

describe('the program watch of the TUI', () => {
  it('makes the file from the starter once and runs every save: a traceback leaves the checklist, the solution solves it', async () => {
    const { tui, file } = await openCounter();
    const { store } = tui;
    expect(file).toBe(join(workspace ?? '', 'basics', 'counter.py'));
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(COUNTER, 'starter.py'), 'utf8'));
    expect(store.getState().program).toMatchObject({ language: 'python', languages: ['python', 'javascript'], created: true, run: { kind: 'waiting' }, runs: 0 });
    const verdicts = () => store.getState().result?.checks.map((check) => check.passed);
    const before = verdicts();

    // It counts the run, then crashes: the state check would pass, the checklist must not say so.
    writeFileSync(file, 'import os, redis\nredis.Redis.from_url(os.environ["REDIS_URL"]).incr("runs")\nprint("first line")\n1 / 0\n');
    const failed = await waitUntil(() => (store.getState().program?.run.kind === 'failed' ? store.getState().program : undefined), 'the traceback');
    expect(failed.output).toContain('first line');
    expect(failed.output).toContain('ZeroDivisionError: division by zero');
    expect(failed.run).toMatchObject({ kind: 'failed', exitCode: 1 });
    expect(verdicts()).toEqual(before);
    expect(store.getState().program?.runs).toBe(0);
    // Not even when the prompt's checks look again.
    await tui.type(':check');
    expect(verdicts()).toEqual(before);

    writeFileSync(file, readFileSync(join(COUNTER, 'solution.py'), 'utf8'));
    await waitUntil(() => store.getState().program?.run.kind === 'checked', 'the solution checked');
    expect(store.getState().program?.output).toContain('runs now: 5');
    expect(store.getState().result?.passed).toBe(true);
    expect(store.getState().progress.exercises['basics/counter']?.status).toBe('solved');
  });

  it('cancels a run when a new save comes, and never shows the cancelled one’s verdict', async () => {
    const { tui, file } = await openCounter();
    const { store } = tui;
    writeFileSync(file, 'import time\nprint("slow start", flush=True)\ntime.sleep(60)\n');
    await waitUntil(() => store.getState().program?.output.includes('slow start'), 'the slow program running');
    writeFileSync(file, readFileSync(join(COUNTER, 'solution.py'), 'utf8'));
    await waitUntil(() => store.getState().program?.run.kind === 'checked', 'the solution checked');
    const view = store.getState().program;
    expect(view?.runs).toBe(1);
    expect(view?.output).not.toContain('slow start');
    expect(store.getState().result?.passed).toBe(true);
  });

  it('switches the language to a file of its own and stops watching when the learner leaves', async () => {
    const { tui, watch } = await openCounter();
    const { store } = tui;
    await watch.switchLanguage();
    const js = await waitUntil(() => (store.getState().program?.language === 'javascript' ? store.getState().program : undefined), 'the JavaScript file');
    expect(js.file).toBe(join(workspace ?? '', 'basics', 'counter.mjs'));
    expect(existsSync(js.file)).toBe(true);
    tui.controller.menu();
    expect(store.getState().program).toBeUndefined();
  });
});
