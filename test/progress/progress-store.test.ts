import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress, PROGRESS_FORMAT_VERSION } from '../../src/progress/progress-file.js';
import { parseProgress } from '../../src/progress/progress-parse.js';
import { loadProgress, progressFilePath, ProgressStore, type SaveOutcome } from '../../src/progress/progress-store.js';
import { forgetProgress, isSolvedWithHelp, markHelped, markSolved, markStarted, progressLookup, withLanguage } from '../../src/progress/progress-updates.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-progress-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (iso: string) => new Date(iso);

function savedProgress(outcome: SaveOutcome) {
  if (outcome.kind !== 'saved') throw new Error(`expected a save, got ${outcome.kind}${outcome.kind === 'failed' ? `: ${outcome.error.message}` : ''}`);
  return outcome.progress;
}

describe('progress file location', () => {
  it('uses REDIS_TUTOR_HOME when set, else the XDG data directory', () => {
    expect(progressFilePath({ REDIS_TUTOR_HOME: '/tmp/x' })).toBe('/tmp/x/progress.json');
    const xdg = progressFilePath({});
    expect(xdg.endsWith(join('redis-tutor', 'progress.json'))).toBe(true);
  });
});

describe('progress updates', () => {
  it('records started, solved, solved with help, the last place and the language, with their times', () => {
    let progress = markStarted(emptyProgress(), 'm/a', at('2025-01-01T00:00:00Z'));
    expect(progress.last).toBe('m/a');
    expect(progressLookup(progress)('m/a')).toBe('started');
    expect(progress.exercises['m/a']?.startedAt).toBe('2025-01-01T00:00:00.000Z');
    progress = markHelped(progress, 'm/a', at('2025-01-01T00:01:00Z'));
    // Only the first look at the solution counts.
    progress = markHelped(progress, 'm/a', at('2025-01-01T00:02:00Z'));
    progress = markSolved(progress, 'm/a', at('2025-01-01T00:03:00Z'));
    expect(progressLookup(progress)('m/a')).toBe('solved');
    expect(isSolvedWithHelp(progress, 'm/a')).toBe(true);
    expect(progress.exercises['m/a']).toEqual({
      status: 'solved',
      startedAt: '2025-01-01T00:00:00.000Z',
      solvedAt: '2025-01-01T00:03:00.000Z',
      withHelp: true,
      helpedAt: '2025-01-01T00:01:00.000Z',
    });
    // Peeking at the solution after solving does not take the clean solve away.
    const clean = markSolved(markStarted(emptyProgress(), 'm/b'), 'm/b');
    expect(isSolvedWithHelp(markHelped(clean, 'm/b'), 'm/b')).toBe(false);
    expect(withLanguage(progress, 'ru').language).toBe('ru');
    expect(progressLookup(progress)('m/zzz')).toBe('new');
  });

  it('forgetting keeps only the language and the time of forgetting', () => {
    expect(forgetProgress('ru', at('2025-03-01T00:00:00Z'))).toEqual({
      formatVersion: PROGRESS_FORMAT_VERSION,
      language: 'ru',
      forgottenAt: '2025-03-01T00:00:00.000Z',
      exercises: {},
    });
  });
});

describe('ProgressStore and loadProgress', () => {
  it('round-trips through the file with a format version', async () => {
    const file = join(dir, 'nested', 'progress.json');
    const store = new ProgressStore(file);
    const progress = markSolved(markStarted(withLanguage(emptyProgress(), 'ru'), 'm/a'), 'm/a');
    expect(savedProgress(await store.save(progress))).toEqual(progress);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { formatVersion: number };
    expect(raw.formatVersion).toBe(PROGRESS_FORMAT_VERSION);
    const loaded = await loadProgress(file);
    expect(loaded.warning).toBeUndefined();
    expect(loaded.progress).toEqual(progress);
    expect(store.error).toBeUndefined();
  });

  it('starts fresh when there is no file', async () => {
    expect(await loadProgress(join(dir, 'none.json'))).toEqual({ progress: emptyProgress() });
  });

  it('moves a corrupt file aside with a warning and starts fresh', async () => {
    const file = join(dir, 'progress.json');
    writeFileSync(file, '{"formatVersion": 1, "exercises": {"m/a": {"sta');
    const loaded = await loadProgress(file, { now: new Date('2025-02-03T04:05:06Z') });
    expect(loaded.progress).toEqual(emptyProgress());
    expect(loaded.warning).toContain('moved to');
    expect(readdirSync(dir)).toEqual(['progress.json.corrupt-2025-02-03T04-05-06-000Z']);
  });

  it('a save that finds the file broken since the start keeps it aside and writes its own progress', async () => {
    const file = join(dir, 'progress.json');
    writeFileSync(file, 'not json');
    const progress = markStarted(emptyProgress(), 'm/a');
    expect(savedProgress(await new ProgressStore(file).save(progress))).toEqual(progress);
    const files = readdirSync(dir);
    expect(files).toHaveLength(2);
    expect(files).toContain('progress.json');
    expect(files.find((name) => name !== 'progress.json')).toMatch(/^progress\.json\.corrupt-/);
  });

  it('writes atomically: the file is always either the old or the new content', async () => {
    const file = join(dir, 'progress.json');
    const store = new ProgressStore(file);
    const saves = [];
    for (let i = 0; i < 50; i++) saves.push(store.save(markStarted(emptyProgress(), `m/${i}`)));
    // While saves run, every read sees a whole, parseable file.
    for (let i = 0; i < 50; i++) {
      try {
        parseProgress(readFileSync(file, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(saves);
    const saved = parseProgress(readFileSync(file, 'utf8'));
    expect(saved.last).toBe('m/49');
    // Each save merged with the one before: all fifty are there.
    expect(Object.keys(saved.exercises)).toHaveLength(50);
    // No temporary or lock files left behind.
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it('saves nothing for a --fresh session', async () => {
    const store = new ProgressStore(undefined);
    expect(await store.save(markStarted(emptyProgress(), 'm/a'))).toEqual({ kind: 'off' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failed save says why, and the next good save clears it', async () => {
    const blocker = join(dir, 'home');
    writeFileSync(blocker, 'a file where the folder should be');
    const store = new ProgressStore(join(blocker, 'progress.json'));
    const outcome = await store.save(markStarted(emptyProgress(), 'm/a'));
    expect(outcome.kind).toBe('failed');
    expect(store.error?.message).toBe(`${blocker} is a file, not a folder`);
    rmSync(blocker);
    expect((await store.save(markStarted(emptyProgress(), 'm/a'))).kind).toBe('saved');
    expect(store.error).toBeUndefined();
  });
});

describe('two tutors on one file (two stores, one process)', () => {
  it('the last to save keeps the other’s solves: the file holds the union', async () => {
    const file = join(dir, 'progress.json');
    const first = new ProgressStore(file);
    const second = new ProgressStore(file);
    const a = markSolved(markStarted(withLanguage(emptyProgress(), 'en'), 'm/a'), 'm/a');
    const b = markSolved(markStarted(withLanguage(emptyProgress(), 'ru'), 'm/b'), 'm/b');
    await first.save(a);
    const merged = savedProgress(await second.save(b));
    expect(progressLookup(merged)('m/a')).toBe('solved');
    expect(progressLookup(merged)('m/b')).toBe('solved');
    // The saver's language and place.
    expect(merged.language).toBe('ru');
    expect(merged.last).toBe('m/b');
    expect((await loadProgress(file)).progress).toEqual(merged);
  });

  it(':reset-progress in one tutor is not undone by the other’s later save', async () => {
    const file = join(dir, 'progress.json');
    const first = new ProgressStore(file);
    const second = new ProgressStore(file);
    // Both tutors saw m/a and m/b solved before the reset.
    let stale = markSolved(markStarted(emptyProgress(), 'm/a', at('2025-01-01T00:00:00Z')), 'm/a', at('2025-01-01T00:01:00Z'));
    stale = markSolved(markStarted(stale, 'm/b', at('2025-01-01T00:02:00Z')), 'm/b', at('2025-01-01T00:03:00Z'));
    await first.save(stale);
    await first.save(forgetProgress('en', at('2025-01-02T00:00:00Z')));
    // The second tutor never heard of the reset; it starts m/c after it and saves everything it remembers.
    const merged = savedProgress(await second.save(markStarted(stale, 'm/c', at('2025-01-02T00:05:00Z'))));
    expect(Object.keys(merged.exercises)).toEqual(['m/c']);
    expect(merged.forgottenAt).toBe('2025-01-02T00:00:00.000Z');
    // And the first tutor, saving again, still sees only what came after.
    const again = savedProgress(await first.save(markStarted(forgetProgress('en', at('2025-01-02T00:00:00Z')), 'm/d', at('2025-01-02T00:06:00Z'))));
    expect(Object.keys(again.exercises).sort()).toEqual(['m/c', 'm/d']);
  });
});
