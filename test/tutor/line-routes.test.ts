/**
 * One table of typed lines, run through both front ends that read them —
 * `redis-tutor cli` and the TUI's prompt — and, where redis-cli has the
 * behaviour, through the real redis-cli: the same line must mean the same
 * thing everywhere (src/redis-cli/line-router.ts decides it for both).
 *
 * Both clis run with --no-raw, the formatting a terminal gets, which is
 * what the TUI shows. Each line is followed by PING so that a session that
 * goes on is told from one that ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBoth, withoutTimingLines } from '../cli/support/run-both.js';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

type TuiExpectation =
  /** The TUI shows exactly what the clis print for the line. */
  | { same: true }
  /** A screen of its own: what the TUI does instead of the terminal's way. */
  | { confirm: 'quit' }
  | { cleared: true }
  | { shows: RegExp };

interface Row {
  line: string;
  tui: TuiExpectation;
  /** The clis' PING after the line gets no PONG: the session ended (quit) or went elsewhere (connect). */
  noPong?: boolean;
  /** The TUI's dim note under what redis-cli prints (never instead of it); without one, no note. */
  note?: RegExp;
}

const ROWS: Row[] = [
  { line: 'PING', tui: { same: true } },
  { line: 'SET greeting hello', tui: { same: true } },
  { line: '3 INCR counter', tui: { same: true } },
  // A command that took half a second or more is followed by redis-cli's timing line.
  { line: 'BLPOP nothing 0.6', tui: { same: true } },
  { line: '1 ECHO once', tui: { same: true } },
  { line: '2 quit', tui: { same: true } },
  { line: '3 clear', tui: { same: true } },
  { line: '2 :set hints', tui: { same: true } },
  { line: 'connect 127.0.0.1', tui: { same: true } },
  { line: '# not a comment for redis-cli', tui: { same: true } },
  { line: 'restart', tui: { same: true } },
  { line: '0 ping', tui: { same: true } },
  { line: '"" ping', tui: { same: true } },
  { line: 'echo "unbalanced', tui: { same: true }, note: /^a quote is not closed/ },
  { line: 'PNIG', tui: { same: true }, note: /^did you mean PING\?$/ },
  { line: 'EXISTS', tui: { same: true }, note: /^syntax: EXISTS key \[key \.\.\.\]$/ },
  { line: 'hint', tui: { same: true }, note: /^tutor commands start with a colon: :hint — :help lists them$/ },
  { line: 'help', tui: { same: true }, note: /:help lists them/ },
  { line: 'help GET', tui: { same: true } },
  { line: '3 help get', tui: { same: true } },
  { line: ':set hints', tui: { same: true } },
  { line: 'clear', tui: { cleared: true } },
  { line: 'quit', tui: { confirm: 'quit' }, noPong: true },
  { line: 'EXIT now', tui: { confirm: 'quit' }, noPong: true },
  { line: 'connect 127.0.0.1 1', tui: { shows: /prompt stays on the exercise’s server/ }, noPong: true },
];

describe('every typed line means the same in redis-cli, `redis-tutor cli` and the TUI', () => {
  let tui: HeadlessTutor;
  beforeAll(async () => {
    tui = await startHeadlessTutor();
  });
  afterAll(async () => {
    await tui?.close();
  });

  it.each(ROWS)('$line', async (row) => {
    const { theirs, ours } = await runBoth(['--no-raw'], `${row.line}\nPING\n`);
    // After a pipelined QUIT (`2 quit`), whether the next write meets an EOF or a reset is the kernel's
    // timing, for redis-cli and for us alike (as in test/cli/differential.test.ts): the same loss either way.
    const loss = (text: string) => text.replaceAll('Error: Connection reset by peer', 'Error: Server closed the connection');
    const sameLoss = (output: typeof ours) => ({ ...output, stderr: loss(output.stderr) });
    expect(sameLoss(ours)).toEqual(sameLoss(theirs));
    const continued = theirs.stdout.endsWith('PONG\n');
    expect(continued).toBe(!row.noPong);
    const forLine = continued ? theirs.stdout.slice(0, -'PONG\n'.length) : theirs.stdout;

    tui.mark();
    tui.store.dispatch({ type: 'confirm', question: undefined });
    await tui.type(row.line);
    const state = tui.store.getState();
    const shown = tui.lines('reply', 'message', 'tutor');
    if ('same' in row.tui) {
      // The TUI's transcript holds lines: redis-cli's \r\n (help) become line breaks; what it writes to stderr is shown after.
      // A timing line says the command took 500 ms or more, which a loaded machine decides, not the line.
      if (row.line.startsWith('BLPOP')) {
        // A block of 0.6 s always takes 500 ms or more: the TUI prints the timing line too (redis-cli's: test/cli/differential).
        expect(shown.join('\n')).toMatch(/^\(\d+\.\d\ds\)$/m);
      }
      expect(loss(withoutTimingLines(shown.map((line) => `${line}\n`).join('')).replace(/\n$/, ''))).toBe(loss(withoutTimingLines(forLine + theirs.stderr).replace(/\r\n/g, '\n').replace(/\n$/, '')));
    } else if ('confirm' in row.tui) {
      expect(state.confirm).toBe(row.tui.confirm);
      expect(shown).toEqual([]);
    } else if ('cleared' in row.tui) {
      expect(state.transcript).toEqual([]);
      // The terminal's way: cursor home and erase the screen.
      expect(forLine).toBe('\x1b[H\x1b[2J');
    } else {
      expect(shown.join('\n')).toMatch(row.tui.shows);
    }
    const notes = tui.lines('note');
    if (row.note) {
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(row.note);
    } else {
      expect(notes).toEqual([]);
    }
    // And the TUI's session goes on too.
    tui.store.dispatch({ type: 'confirm', question: undefined });
    tui.mark();
    await tui.type('PING');
    expect(tui.lines('reply')).toEqual(['PONG']);
  });
});
