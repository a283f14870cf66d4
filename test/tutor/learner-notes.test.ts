/**
 * The learner's side of the TUI prompt, on a real private redis-server: the
 * tutor's dim notes under Redis's own errors (never instead of them), the
 * "waiting… Ctrl-C cancels" line while a blocking command waits, and
 * redis-cli's timing line after it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/wait-until.js';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

let tui: HeadlessTutor;
beforeAll(async () => {
  tui = await startHeadlessTutor({ exercise: 'getting-started/page-views' });
});
afterAll(async () => {
  await tui?.close();
});
beforeEach(() => {
  tui.controller.setLanguage('en');
  tui.mark();
});

/** What the learner sees since the mark, without the echo of the line, in order: [kind, text]. */
const shown = (): Array<[string, string]> => {
  const seen = tui.lines();
  const kinds = tui.store.getState().transcript.slice(-seen.length);
  return kinds.filter((line) => line.kind !== 'input').map((line) => [line.kind, line.text]);
};

describe('notes under Redis errors in the TUI', () => {
  it.each<[string, Array<[string, string | RegExp]>]>([
    [
      'PNIG',
      [
        ['reply', "(error) ERR unknown command 'PNIG', with args beginning with: "],
        ['note', 'did you mean PING?'],
      ],
    ],
    [
      'echo "unbalanced',
      [
        ['reply', 'Invalid argument(s)'],
        ['note', 'a quote is not closed: end the text with the same quote mark'],
      ],
    ],
    [
      'EXISTS',
      [
        ['reply', "(error) ERR wrong number of arguments for 'exists' command"],
        ['note', 'syntax: EXISTS key [key ...]'],
      ],
    ],
    [
      'XREAD COUNT 1 views:home 0',
      [
        ['reply', '(error) ERR syntax error'],
        ['note', /^STREAMS is required before the keys: XREAD .*STREAMS key/],
      ],
    ],
    [
      'hint',
      [
        ['reply', "(error) ERR unknown command 'hint', with args beginning with: "],
        ['note', 'tutor commands start with a colon: :hint — :help lists them'],
      ],
    ],
    [
      'solution',
      [
        ['reply', "(error) ERR unknown command 'solution', with args beginning with: "],
        ['note', 'tutor commands start with a colon: :solution — :help lists them'],
      ],
    ],
  ])('%s: the error, then one note', async (line, expected) => {
    await tui.type(line);
    const lines = shown();
    expect(lines).toHaveLength(expected.length);
    expected.forEach(([kind, text], i) => {
      expect(lines[i]?.[0]).toBe(kind);
      if (typeof text === 'string') expect(lines[i]?.[1]).toBe(text);
      else expect(lines[i]?.[1]).toMatch(text);
    });
  });

  it('a repeat count repeats the error, not the note', async () => {
    await tui.type('3 PNIG');
    expect(tui.lines('reply')).toHaveLength(3);
    expect(tui.lines('note')).toEqual(['did you mean PING?']);
    tui.mark();
    await tui.type('PNIG');
    expect(tui.lines('note')).toEqual(['did you mean PING?']);
  });

  it('notes follow the learner’s language', async () => {
    tui.controller.setLanguage('ru');
    tui.mark();
    await tui.type('PNIG');
    expect(tui.lines('note')).toEqual(['может быть, PING?']);
  });

  it('a successful command gets no note', async () => {
    await tui.type('PING');
    expect(shown()).toEqual([['reply', 'PONG']]);
  });

  it('SELECT away from the checks’ db 0: one note; commands there and the way back: none', async () => {
    await tui.type('SELECT 1');
    expect(shown()).toEqual([
      ['reply', 'OK'],
      ['note', 'the checks look at db 0; SELECT 0 to go back'],
    ]);
    tui.mark();
    await tui.type('INCR views:home');
    await tui.type('SELECT 0');
    expect(tui.lines('note')).toEqual([]);
    expect(tui.store.getState().promptText).not.toContain('[');
  });

  it('help with no topic says first that :help lists the tutor’s commands, then redis-cli’s help', async () => {
    await tui.type('help');
    const lines = shown();
    expect(lines[0]).toEqual(['note', 'The tutor’s own commands start with a colon: :help lists them. Redis help:']);
    expect(lines[1]).toEqual(['reply', 'redis-cli 7.0.15']);
    tui.mark();
    await tui.type('help GET');
    expect(tui.lines('note')).toEqual([]);
  });
});

describe('a blocking command in the TUI', () => {
  it('shows "waiting… Ctrl-C cancels" while BLPOP waits, then (nil) and redis-cli’s timing line', async () => {
    // Every change of the flag the screen renders from, as the store's listeners see it.
    const waiting: boolean[] = [];
    let last = tui.store.getState().waitingForReply;
    const unsubscribe = tui.store.subscribe(() => {
      const now = tui.store.getState().waitingForReply;
      if (now !== last) waiting.push(now);
      last = now;
    });
    try {
      await tui.type('BLPOP nothing 1.2');
    } finally {
      unsubscribe();
    }
    expect(waiting).toEqual([true, false]);
    const lines = shown();
    expect(lines.map(([kind]) => kind)).toEqual(['reply', 'reply']);
    expect(lines[0]?.[1]).toBe('(nil)');
    // The digits are the measured time: at least the 1.2 s the server waited, printed as redis-cli prints it.
    const timing = /^\((\d+\.\d\d)s\)$/.exec(lines[1]?.[1] ?? '');
    expect(timing).not.toBeNull();
    expect(Number(timing?.[1])).toBeGreaterThanOrEqual(1.2);
  });

  it('the waiting line goes when Ctrl-C cancels the command', async () => {
    void tui.controller.submit('BRPOP nothing 0');
    await waitUntil(() => tui.store.getState().waitingForReply, 'the waiting line');
    await tui.controller.interrupt();
    await waitUntil(() => tui.store.getState().promptMode === 'ready', 'the prompt after Ctrl-C');
    expect(tui.store.getState().waitingForReply).toBe(false);
    expect(tui.lines('tutor')).toEqual(['(interrupted)']);
  });
});
