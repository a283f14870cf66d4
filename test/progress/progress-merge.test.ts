import { describe, expect, it } from 'vitest';
import { emptyProgress, type ExerciseProgress, type Progress } from '../../src/progress/progress-file.js';
import { mergeProgress } from '../../src/progress/progress-merge.js';
import { forgetProgress, isSolvedWithHelp, markHelped, markSolved, markStarted, withLanguage } from '../../src/progress/progress-updates.js';

const T = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute));
const iso = (minute: number) => T(minute).toISOString();
const only = (entry: ExerciseProgress): Progress => ({ ...emptyProgress(), exercises: { x: entry } });

describe('mergeProgress: exercise by exercise', () => {
  it('solved beats started beats new, both ways round', () => {
    const started = markStarted(emptyProgress(), 'x', T(1));
    const solved = markSolved(markStarted(emptyProgress(), 'x', T(2)), 'x', T(3));
    expect(mergeProgress(started, solved).exercises.x?.status).toBe('solved');
    expect(mergeProgress(solved, started).exercises.x?.status).toBe('solved');
    expect(mergeProgress(emptyProgress(), started).exercises.x?.status).toBe('started');
    expect(mergeProgress(started, emptyProgress()).exercises.x?.status).toBe('started');
  });

  it('keeps the earliest start and the earliest solve', () => {
    const a = only({ status: 'solved', startedAt: iso(1), solvedAt: iso(9) });
    const b = only({ status: 'solved', startedAt: iso(2), solvedAt: iso(5) });
    expect(mergeProgress(a, b).exercises.x).toEqual({ status: 'solved', startedAt: iso(1), solvedAt: iso(5) });
    expect(mergeProgress(b, a).exercises.x).toEqual({ status: 'solved', startedAt: iso(1), solvedAt: iso(5) });
  });

  it('"with help" means the solution was seen before the first solve, whichever tutor made it', () => {
    // A clean solve at 3; the other tutor looked at the solution at 5: too late to count.
    const clean = markSolved(markStarted(emptyProgress(), 'x', T(1)), 'x', T(3));
    const lateLook = markHelped(markStarted(emptyProgress(), 'x', T(2)), 'x', T(5));
    expect(isSolvedWithHelp(mergeProgress(clean, lateLook), 'x')).toBe(false);
    expect(mergeProgress(lateLook, clean).exercises.x).toEqual({ status: 'solved', startedAt: iso(1), solvedAt: iso(3) });
    // The other tutor looked at 2, before the solve at 3: the learner had seen it.
    const earlyLook = markHelped(markStarted(emptyProgress(), 'x', T(1)), 'x', T(2));
    expect(mergeProgress(clean, earlyLook).exercises.x).toEqual({ status: 'solved', startedAt: iso(1), solvedAt: iso(3), withHelp: true, helpedAt: iso(2) });
    // A solve with help at 6 loses to a clean solve at 3: the first solve was clean.
    const helpedSolve = markSolved(markHelped(markStarted(emptyProgress(), 'x', T(4)), 'x', T(5)), 'x', T(6));
    expect(isSolvedWithHelp(mergeProgress(helpedSolve, clean), 'x')).toBe(false);
    // A solve with help at 6 wins over a clean one at 8.
    const laterClean = markSolved(markStarted(emptyProgress(), 'x', T(7)), 'x', T(8));
    expect(isSolvedWithHelp(mergeProgress(laterClean, helpedSolve), 'x')).toBe(true);
    // Unsolved everywhere: a look in either tutor counts.
    expect(mergeProgress(markStarted(emptyProgress(), 'x', T(1)), earlyLook).exercises.x).toEqual({ status: 'started', startedAt: iso(1), withHelp: true, helpedAt: iso(2) });
  });

  it('a look at the solution of unknown time (format 1) counts as before: "with help" is the humbler claim', () => {
    const migrated = only({ status: 'started', withHelp: true });
    const clean = only({ status: 'solved', startedAt: iso(1), solvedAt: iso(3) });
    expect(mergeProgress(migrated, clean).exercises.x).toEqual({ status: 'solved', startedAt: iso(1), solvedAt: iso(3), withHelp: true });
  });

  it('the language and the last place are the saver’s', () => {
    const saved = withLanguage(markStarted(emptyProgress(), 'a', T(1)), 'en');
    const mine = withLanguage(markStarted(emptyProgress(), 'b', T(2)), 'ru');
    expect(mergeProgress(saved, mine)).toMatchObject({ language: 'ru', last: 'b' });
    // A saver with neither keeps the file's.
    expect(mergeProgress(saved, emptyProgress())).toMatchObject({ language: 'en', last: 'a' });
  });
});

describe('mergeProgress: forgetting', () => {
  const before = markSolved(markStarted(markHelped(markStarted(emptyProgress(), 'a', T(1)), 'a', T(2)), 'b', T(3)), 'b', T(4));

  it('what happened before the reset is dropped, from either side', () => {
    const reset = forgetProgress('en', T(10));
    expect(mergeProgress(before, reset).exercises).toEqual({});
    expect(mergeProgress(reset, before).exercises).toEqual({});
    expect(mergeProgress(reset, before).forgottenAt).toBe(iso(10));
    // Not even the file's last place survives the saver's reset.
    expect(mergeProgress(before, reset).last).toBeUndefined();
  });

  it('what a tutor that missed the reset did after it is kept, trimmed to after the reset', () => {
    let stale = markSolved(before, 'a', T(12)); // started at 1 and looked at 2, before the reset; solved after
    stale = markStarted(stale, 'c', T(13));
    const merged = mergeProgress(forgetProgress('en', T(10)), stale);
    expect(merged.exercises).toEqual({ a: { status: 'solved', solvedAt: iso(12) }, c: { status: 'started', startedAt: iso(13) } });
    expect(merged.last).toBe('c');
  });

  it('entries of unknown time (format 1) are from before any reset', () => {
    const migrated: Progress = { ...emptyProgress(), exercises: { a: { status: 'solved' }, b: { status: 'started', withHelp: true } } };
    expect(mergeProgress(forgetProgress('en', T(10)), migrated).exercises).toEqual({});
  });

  it('the later of two resets wins', () => {
    const first = markStarted(forgetProgress('en', T(10)), 'a', T(11));
    const second = markStarted(forgetProgress('en', T(20)), 'b', T(21));
    const merged = mergeProgress(first, second);
    expect(merged.forgottenAt).toBe(iso(20));
    expect(Object.keys(merged.exercises)).toEqual(['b']);
    expect(mergeProgress(second, first).forgottenAt).toBe(iso(20));
  });
});
