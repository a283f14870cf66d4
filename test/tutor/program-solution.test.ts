import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

const PROGRAMS_COURSE = join(import.meta.dirname, '..', 'fixtures', 'course-programs');
const SOLUTIONS = join(PROGRAMS_COURSE, '01-basics', 'programs', 'counter');

let tui: HeadlessTutor | undefined;
afterEach(async () => {
  await tui?.close();
  tui = undefined;
});

describe('the solution of a program exercise in the tutor', () => {
  it('names the solution files when there are no redis-cli lines to show', async () => {
    tui = await startHeadlessTutor({ course: PROGRAMS_COURSE, exercise: 'basics/counter' });
    tui.mark();
    await tui.type(':solution');
    expect(tui.store.getState().confirm).toBe('solution');
    await tui.controller.answer(true);
    expect(tui.lines('tutor').slice(-2)).toEqual([`  ${join(SOLUTIONS, 'solution.py')}`, `  ${join(SOLUTIONS, 'solution.mjs')}`]);
  });
});
