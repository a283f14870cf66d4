import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathWithRedisPy } from '../support/python-with-redis.js';
import { savedStatus, useTutorApp } from './support/tutor-harness.js';

/**
 * The program flow of the TUI in a pseudo-terminal: the learner's file in the
 * workspace, every save run and checked (the file written by the test, as an
 * editor would), and Ctrl-O handing the terminal to $EDITOR and taking it back.
 */
const tutor = useTutorApp();

const ID = 'getting-started/first-program';
const SOLUTION = join(process.cwd(), 'exercises/01-getting-started/programs/first-program/solution.py');
const STARTER = join(process.cwd(), 'exercises/01-getting-started/programs/first-program/starter.py');
const fileIn = (home: string) => join(home, 'workspace', 'getting-started', 'first-program.py');

describe('a program exercise in the TUI', () => {
  it('runs the file on every save: a traceback is shown as printed, the solution turns the checklist green', async () => {
    // Tall enough for the whole traceback under the checklist.
    const { tui, home } = tutor.start(['--exercise', ID], { rows: 44, env: { PATH: pathWithRedisPy() } });
    await tui.waitFor('Your Python file:');
    await tui.waitFor('Ctrl-O edit · Ctrl-G Python/JavaScript');
    await tui.waitFor('Save the file to run it');
    const file = fileIn(home);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(STARTER, 'utf8'));

    writeFileSync(file, 'print("about to fail")\nundefined_name()\n');
    await tui.waitFor("NameError: name 'undefined_name' is not defined");
    const failed = await tui.waitFor('stopped before the checks');
    expect(failed).toContain('about to fail');
    expect(failed).not.toContain('✓ Solved');

    writeFileSync(file, readFileSync(SOLUTION, 'utf8'));
    const solved = await tui.waitFor('✓ Solved');
    expect(solved).toContain('Hello from Python!');
    expect(await savedStatus(home, ID)).toBe('solved');
  });

  it('opens the file in $EDITOR with Ctrl-O and comes back to the running tutor', async () => {
    const home = tutor.tempHome();
    const editor = join(home, 'fake-editor.sh');
    // A tiny editor: it checks it has a terminal in cooked mode, writes the solution and exits.
    writeFileSync(editor, `#!/bin/sh\nstty -a < /dev/tty | grep -q ' icanon' && echo cooked > "${home}/editor-saw"\ncp "${SOLUTION}" "$1"\n`);
    chmodSync(editor, 0o755);
    const { tui } = tutor.start(['--exercise', ID], { home, env: { PATH: pathWithRedisPy(), EDITOR: editor, VISUAL: '' } });
    await tui.waitFor('Save the file to run it');
    await tui.type('\x0f');
    await tui.waitFor('Back from the editor');
    await tui.waitFor('✓ Solved');
    expect(readFileSync(join(home, 'editor-saw'), 'utf8').trim()).toBe('cooked');
    // The app still takes keys: Ctrl-C asks before quitting.
    await tui.press('ctrlC');
    await tui.waitFor('Quit redis-tutor?');
    await tui.type('y');
    expect(await tui.waitForExit()).toBe(0);
  });
});
