import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyProgress, parseProgress, PROGRESS_FORMAT_VERSION } from '../../src/progress/progress-file.js';
import { loadProgress, progressFilePath, ProgressStore } from '../../src/progress/progress-store.js';
import { markHelped, markSolved, markStarted, progressLookup, withLanguage, isSolvedWithHelp } from '../../src/progress/progress-updates.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-progress-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('progress file location', () => {
  it('uses REDIS_TUTOR_HOME when set, else the XDG data directory', () => {
    expect(progressFilePath({ REDIS_TUTOR_HOME: '/tmp/x' })).toBe('/tmp/x/progress.json');
    const xdg = progressFilePath({});
    expect(xdg.endsWith(join('redis-tutor', 'progress.json'))).toBe(true);
  });
});

describe('progress updates', () => {
  it('records started, solved, solved with help, the last place and the language', () => {
    let progress = markStarted(emptyProgress(), 'm/a');
    expect(progress.last).toBe('m/a');
    expect(progressLookup(progress)('m/a')).toBe('started');
    progress = markHelped(progress, 'm/a');
    progress = markSolved(progress, 'm/a', new Date('2025-01-01T00:00:00Z'));
    expect(progressLookup(progress)('m/a')).toBe('solved');
    expect(isSolvedWithHelp(progress, 'm/a')).toBe(true);
    expect(progress.exercises['m/a']?.solvedAt).toBe('2025-01-01T00:00:00.000Z');
    // Peeking at the solution after solving does not take the clean solve away.
    const clean = markSolved(markStarted(emptyProgress(), 'm/b'), 'm/b');
    expect(isSolvedWithHelp(markHelped(clean, 'm/b'), 'm/b')).toBe(false);
    expect(withLanguage(progress, 'ru').language).toBe('ru');
    expect(progressLookup(progress)('m/zzz')).toBe('new');
  });
});

describe('ProgressStore and loadProgress', () => {
  it('round-trips through the file with a format version', async () => {
    const file = join(dir, 'nested', 'progress.json');
    const store = new ProgressStore(file);
    const progress = markSolved(markStarted(withLanguage(emptyProgress(), 'ru'), 'm/a'), 'm/a');
    await store.save(progress);
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { formatVersion: number };
    expect(raw.formatVersion).toBe(PROGRESS_FORMAT_VERSION);
    const loaded = await loadProgress(file);
    expect(loaded.warning).toBeUndefined();
    expect(loaded.progress).toEqual(progress);
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

  it('refuses files of an unknown format version rather than misreading them', () => {
    expect(() => parseProgress('{"formatVersion": 2, "exercises": {}}')).toThrow(/formatVersion/);
    expect(() => parseProgress('{"formatVersion": 1, "exercises": {"a": {"status": "done"}}}')).toThrow(/bad entry/);
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
    expect(parseProgress(readFileSync(file, 'utf8')).last).toBe('m/49');
    // No temporary files left behind.
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it('saves nothing for a --fresh session', async () => {
    const store = new ProgressStore(undefined);
    await store.save(markStarted(emptyProgress(), 'm/a'));
    expect(readdirSync(dir)).toEqual([]);
  });
});
