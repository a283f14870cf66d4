import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateServerOf } from './support/private-server.js';
import { command, savedStatus, useTutorApp } from './support/tutor-harness.js';

/**
 * `redis-tutor start` in a pseudo-terminal, for what only a terminal shows:
 * history kept between sessions, resizes, MONITOR and RESP3 subscribe mode.
 * (A file of its own so it runs beside start.e2e.test.ts on a second core.)
 */
const tutor = useTutorApp();
const { start } = tutor;

const PROMPT = /127\.0\.0\.1:\d+(\[\d+\])?> /;

/** One whole frame for a terminal of `rows`: header on top, prompt, key line and status line at the bottom, nothing twice, nothing below. */
function isCleanFrame(screen: string[], columns: number, rows: number): boolean {
  const text = screen.join('\n');
  const count = (needle: RegExp) => (text.match(needle) ?? []).length;
  return (
    screen.length === rows &&
    screen.every((row) => row.length <= columns) &&
    (screen[0] ?? '').startsWith('redis-tutor › Getting started › Hello, Redis') &&
    count(/redis-tutor › /g) === 1 &&
    PROMPT.test(screen[rows - 4] ?? '') &&
    (screen[rows - 3] ?? '').startsWith(':hint :solution') &&
    count(/127\.0\.0\.1:\d+> /g) >= 1 &&
    /private redis-server .* · EN$/.test(screen[rows - 2] ?? '') &&
    count(/ · EN/g) === 1 &&
    // The frame is one row shorter than the terminal, so Ink redraws in place: the last row stays empty.
    (screen[rows - 1] ?? '') === ''
  );
}

describe('redis-tutor start in a terminal', () => {
  it('keeps the prompt history between sessions, beside the progress file, away from redis-cli’s own', async () => {
    const home = tutor.tempHome();
    const rediscliHistory = join(home, '.rediscli_history');
    const env = { REDISCLI_HISTFILE: rediscliHistory };
    const first = start(['--exercise', 'getting-started/hello-redis'], { home, env });
    await first.tui.waitFor(PROMPT);
    await command(first.tui, 'SET greeting hi');
    await first.tui.waitFor(/\nOK/);
    // Neither a tutor command nor a line with a password is written down.
    await command(first.tui, ':hint');
    await first.tui.waitFor('Hint 1/');
    await command(first.tui, 'AUTH learner s3cret');
    await first.tui.waitFor(/\(error\)/);
    await first.tui.press('ctrlC');
    await first.tui.waitFor('Quit redis-tutor?');
    await first.tui.type('y');
    expect(await first.tui.waitForExit()).toBe(0);

    expect(readFileSync(join(home, 'history'), 'utf8')).toBe('SET greeting hi\n');
    expect(existsSync(rediscliHistory)).toBe(false);

    const second = start(['--exercise', 'getting-started/hello-redis'], { home, env });
    await second.tui.waitFor(PROMPT);
    await second.tui.press('up');
    await second.tui.waitFor(/127\.0\.0\.1:\d+> SET greeting hi/);
  }, 30_000);

  it('follows a resize from 80×24 to 120×40 and back: redrawn whole, no leftovers, the data panel only when wide', async () => {
    const { tui } = start(['--exercise', 'getting-started/hello-redis'], { columns: 80, rows: 24 });
    await tui.waitFor(PROMPT);
    await command(tui, 'SET greeting "Hello, Redis!"');
    await tui.waitFor(/\nOK/);
    // A resize is redrawn a frame or two later: each step waits for the frame it should give.
    let screen = await tui.waitForScreen((rows) => isCleanFrame(rows, 80, 24), 'a clean 80×24 frame');
    expect(screen.join('\n')).not.toMatch(/ Data$/m);

    tui.resize(120, 40);
    screen = await tui.waitForScreen((rows) => isCleanFrame(rows, 120, 40) && rows.some((row) => / Data$/.test(row)), 'a clean 120×40 frame with the data panel');
    // The panel reads the key the learner set.
    await tui.waitFor('"Hello, Redis!"');
    expect(screen.join('\n')).toContain('OK');

    tui.resize(80, 24);
    await tui.waitForScreen((rows) => isCleanFrame(rows, 80, 24) && !rows.some((row) => / Data$/.test(row)), 'a clean 80×24 frame again, without the panel');
    // Still usable after all that.
    await command(tui, 'PING');
    // PONG can be drawn a write before the prompt comes back: wait for the whole frame.
    await tui.waitForScreen((rows) => isCleanFrame(rows, 80, 24) && rows.includes('PONG'), 'a clean 80×24 frame with PONG');
  }, 30_000);

  it('MONITOR: streams like redis-cli without the tutor’s own reads, the exercise is solved, Ctrl-C reconnects on the same db', async () => {
    const { tui, home } = start(['--exercise', 'monitoring/monitor'], { columns: 120, rows: 40 });
    await tui.waitFor(PROMPT);
    const server = await privateServerOf(tui);
    await command(tui, 'SELECT 2');
    await tui.waitFor(/127\.0\.0\.1:\d+\[2\]> /);
    await command(tui, 'MONITOR');
    // The tutor plays the front end: its commands are what the learner came to see.
    let screen = await tui.waitFor(/\[0 127\.0\.0\.1:\d+\] "ZINCRBY" "pages:top" "1" "\/home"/);
    expect(screen).toMatch(/\nOK\n/);
    expect(screen).toMatch(/\[0 127\.0\.0\.1:\d+\] "GET" "session:7f3a"/);
    // (The lesson shows an example line too, with its made-up time 1715000000.)
    expect(screen.match(/^(?!1715000000)\d+\.\d+ \[0 127\.0\.0\.1:\d+\] "INCR" "views:home"/gm)).toHaveLength(2);
    await tui.waitFor('✓ Solved!');
    // The same frame's last row may still be on its way (Ink draws a frame in several writes): wait for it too.
    await tui.waitForScreen((rows) => rows.join('\n').includes('✓ Solved!') && rows.join('\n').includes('Monitoring… Ctrl-C stops'), 'the solved checklist with the monitor-mode line');
    // A marker from a connection of our own: the monitor stream is in the server's order, so tutor
    // traffic sent before it (the checks that solved the exercise, the data panel's reads) would show above it.
    server.redisCli(['ECHO', 'e2e-marker']);
    screen = await tui.waitFor('"ECHO" "e2e-marker"');
    expect(screen).not.toMatch(/"(TYPE|PTTL|GETRANGE|STRLEN|CLIENT|COMMAND)"/);
    expect(await savedStatus(home, 'monitoring/monitor')).toBe('solved');

    await tui.press('ctrlC');
    await tui.waitFor('Left monitor mode');
    // A new connection, back on db 2 as redis-cli reselects it, and out of monitor mode (a monitor may not read keys).
    await tui.waitFor(/127\.0\.0\.1:\d+\[2\]> /);
    await command(tui, 'CLIENT INFO');
    await tui.waitFor('cmd=client|info');
    // The reply is wrapped at spaces to the transcript's width; read it as one line.
    const info = /id=\d+ addr=.*?cmd=client\|info/.exec(tui.text().replace(/\n/g, ' '))?.[0] ?? '';
    expect(info).toContain('name=redis-tutor:learner');
    expect(info).toContain(' flags=N db=2 ');
    await command(tui, 'SELECT 0');
    await command(tui, 'GET views:home');
    await tui.waitFor(/\n"1043"/);
  }, 30_000);

  it('SUBSCRIBE after HELLO 3: pushes are shown, the checks pass, Ctrl-C leaves subscribe mode', async () => {
    const { tui } = start(['--exercise', 'pubsub/subscribe']);
    await tui.waitFor(PROMPT);
    await command(tui, 'HELLO 3');
    await tui.waitFor('"proto"');
    await command(tui, 'SUBSCRIBE chat:general');
    await tui.waitFor('⇄ The tutor published to chat:general');
    const screen = await tui.waitFor(/\n3\) "Hi from the tutor"/);
    expect(screen).toContain('Reading messages... (press Ctrl-C to quit)');
    expect(screen).toContain('1) "subscribe"\n2) "chat:general"\n3) (integer) 1');
    await tui.waitFor('✓ Solved!');
    await tui.press('ctrlC');
    await tui.waitFor('Left subscribe mode.');
    await command(tui, 'PING');
    await tui.waitFor(/\nPONG/);
  }, 30_000);
});
