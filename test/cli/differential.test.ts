/**
 * The corpus through the real redis-cli 7.0.15 and through `redis-tutor cli`,
 * byte for byte (after normalize(): ports, client addresses, timing seconds).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBoth, timingSeconds, withoutSeconds } from './support/run-both.js';

const corpusDir = join(fileURLToPath(new URL('.', import.meta.url)), 'corpus');
const corpus = (name: string): Buffer => readFileSync(join(corpusDir, name));

const MODES: Array<[string, string[]]> = [
  ['--no-raw', ['--no-raw']],
  ['--raw', ['--raw']],
  ['default (raw, stdout is a pipe)', []],
  ['-3 --no-raw', ['-3', '--no-raw']],
  ['-3 --raw', ['-3', '--raw']],
];

describe('differential: replies corpus', () => {
  it('has at least 150 lines', () => {
    expect(corpus('replies.redis').toString('latin1').split('\n').filter((line) => line !== '').length).toBeGreaterThanOrEqual(150);
  });
  for (const [name, args] of MODES) {
    it(`replies.redis with ${name}`, async () => {
      const { theirs, ours } = await runBoth(args, corpus('replies.redis'));
      expect(theirs.stdout.length).toBeGreaterThan(1000);
      expect(ours).toEqual(theirs);
    }, 60_000);
  }
});

describe('differential: the timing line after a slow command', () => {
  // redis-cli's repl() prints `(%.2fs)` after a command that took 500 ms or more, in standard output only
  // (--no-raw, or a terminal), piped stdin included; raw output and one-shot mode print none.
  it.each<[string, string[], number]>([
    ['--no-raw', ['--no-raw'], 1],
    ['default (raw, stdout is a pipe)', [], 0],
    ['--no-raw, one-shot (the command on the command line)', ['--no-raw', 'BLPOP', 'nothing', '1.2'], 0],
  ])('BLPOP nothing 1.2 with %s', async (_name, args, lines) => {
    const { theirs, ours } = await runBoth(args, args.includes('BLPOP') ? '' : 'BLPOP nothing 1.2\nPING\n', { keepSeconds: true });
    // Byte for byte but for the digits of the elapsed time, which are the two runs' own measurements.
    expect(withoutSeconds(ours.stdout)).toBe(withoutSeconds(theirs.stdout));
    expect({ ...ours, stdout: '' }).toEqual({ ...theirs, stdout: '' });
    if (lines > 0) expect(withoutSeconds(theirs.stdout)).toBe('(nil)\n(N.NNs)\nPONG\n');
    const [theirSeconds = Number.NaN] = timingSeconds(theirs.stdout);
    const [ourSeconds = Number.NaN] = timingSeconds(ours.stdout);
    expect(timingSeconds(ours.stdout)).toHaveLength(lines);
    if (lines === 0) return;
    // The tolerance: both waited the 1.2 s the server blocks for, give or take its timer tick and the machine's load.
    expect(theirSeconds).toBeGreaterThanOrEqual(1.2);
    expect(ourSeconds).toBeGreaterThanOrEqual(1.2);
    expect(Math.abs(ourSeconds - theirSeconds)).toBeLessThan(1);
  });
});

describe('differential: RESP3 corpus', () => {
  for (const [name, args] of MODES) {
    it(`resp3.redis with ${name}`, async () => {
      const { theirs, ours } = await runBoth(args, corpus('resp3.redis'));
      expect(ours).toEqual(theirs);
    }, 60_000);
  }
  it('pushes are printed when FAKETTY is set', async () => {
    const { theirs, ours } = await runBoth(['-3', '--no-raw'], corpus('resp3.redis'), { env: { FAKETTY: '1' } });
    expect(theirs.stdout).toContain('-> invalidate');
    expect(ours).toEqual(theirs);
  }, 60_000);
});

describe('differential: connection loss and exits', () => {
  it('QUIT sent with a repeat count and CLIENT KILL of itself, then reconnection', async () => {
    const run = await runBoth(['--no-raw'], corpus('connection.redis'));
    // The second QUIT meets a socket the server is closing: whether the kernel reports that as EOF or as a
    // reset is timing, for redis-cli and for us alike, and each prints the reason it got.
    const sameLoss = (output: typeof run.ours) => ({ ...output, stderr: output.stderr.replaceAll('Error: Connection reset by peer', 'Error: Server closed the connection') });
    const theirs = sameLoss(run.theirs);
    const ours = sameLoss(run.ours);
    expect(theirs.stderr).toContain('Error: Server closed the connection');
    expect(ours).toEqual(theirs);
  });
  it('a RESP3 big number prints Unknown reply type: 13 and exits 1', async () => {
    const { theirs, ours } = await runBoth(['-3'], 'ping\ndebug protocol bignum\nping\n');
    expect(theirs.code).toBe(1);
    expect(ours).toEqual(theirs);
  });
  it('a RESP3 attribute is a protocol error, exit 1', async () => {
    const { theirs, ours } = await runBoth(['-3', '--no-raw'], 'ping\ndebug protocol attrib\nping\n');
    expect(theirs.code).toBe(1);
    expect(ours).toEqual(theirs);
  });
  it('SHUTDOWN is silent, later commands cannot connect', async () => {
    const { theirs, ours } = await runBoth(['--no-raw'], 'set a 1\nshutdown nosave\nping\nget a\n');
    expect(theirs.stderr).toContain('Could not connect');
    expect(ours).toEqual(theirs);
  });
  it('quit stops reading input', async () => {
    const { theirs, ours } = await runBoth([], 'ping\nquit\nping\n');
    expect(ours).toEqual(theirs);
  });
  it('a last line without a newline still runs, CRLF works', async () => {
    const { theirs, ours } = await runBoth(['--no-raw'], 'ping\r\n\r\n   \nping extra\r\necho last');
    expect(ours).toEqual(theirs);
  });
  it('-n selects a db, -a with a wrong password warns and fails AUTH', async () => {
    const input = 'set where n\nselect 0\nget where\nselect 4\nget where\n';
    const first = await runBoth(['-n', '4', '--no-raw'], input);
    expect(first.ours).toEqual(first.theirs);
    // The test server must answer PING to count as up, so no requirepass: AUTH fails as "no password configured".
    const second = await runBoth(['-a', 'wrong', '--no-raw'], 'ping\nauth wrong\n');
    expect(second.theirs.stderr).toContain('AUTH failed');
    expect(second.ours).toEqual(second.theirs);
  });
});
