/**
 * `redis-tutor cli` without -h/-p/-u talks to a private server that has a
 * password the learner never types: it logs in silently, and what it prints
 * stays byte for byte what the real redis-cli prints against a server
 * without a password (no warning, no AUTH line, `default` for ACL WHOAMI,
 * RESET does not log the session out).
 */
import { describe, expect, it } from 'vitest';
import { runProgram as runTutor } from '../../src/program.js';
import { captureIo } from '../support/capture-io.js';
import { startTestServer } from '../support/test-server.js';
import { runProgram } from './support/run-both.js';

const PORT_IN_OUTPUT = /127\.0\.0\.1:\d+/g;

interface Output {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** `redis-tutor cli ARGS` in-process, on the private server it starts (stdin is a pipe). */
async function tutorCli(args: string[], input: string): Promise<Output> {
  const io = captureIo({ stdin: input, env: { HOME: '/nonexistent', REDISCLI_HISTFILE: '/dev/null', REDISCLI_RCFILE: '/dev/null' } });
  const code = await runTutor(['cli', ...args], io);
  return { stdout: io.stdoutText(), stderr: io.stderrText(), code };
}

/** The real redis-cli with the same arguments on a fresh server without a password. */
async function realCli(args: string[], input: string): Promise<Output> {
  const server = await startTestServer();
  try {
    const result = await runProgram('redis-cli', ['-p', String(server.port), ...args], input);
    return { stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8'), code: result.code };
  } finally {
    await server.stop();
  }
}

const sameAddress = (output: Output): Output => ({
  stdout: output.stdout.replace(PORT_IN_OUTPUT, '127.0.0.1:PORT'),
  stderr: output.stderr.replace(PORT_IN_OUTPUT, '127.0.0.1:PORT'),
  code: output.code,
});

const SESSION = [
  'PING',
  'ACL WHOAMI',
  'CLIENT SETNAME someone',
  'RESET',
  'PING',
  'ACL WHOAMI',
  'CLIENT GETNAME',
  'SELECT 3',
  'SET k v',
  'RESET',
  'DBSIZE',
  'MULTI',
  'RESET',
  '2 RESET',
  'SET after reset',
  'GET after',
  'ACL WHOAMI',
  '',
].join('\n');

describe('redis-tutor cli on its private server with a password', () => {
  it('the server it starts has a password (which the learner did not type)', async () => {
    const { stdout, stderr, code } = await tutorCli(['CONFIG', 'GET', 'requirepass'], '');
    expect({ stderr, code }).toEqual({ stderr: '', code: 0 });
    expect(stdout).toMatch(/^requirepass\n[0-9a-f]{32}\n$/);
  });

  it.each([
    ['--no-raw', ['--no-raw']],
    ['raw (stdout is a pipe)', []],
    ['-n 2 (SELECT after the silent AUTH)', ['-n', '2', '--no-raw']],
    ['-3 (HELLO 3 after the silent AUTH)', ['-3', '--no-raw']],
    ['--user without a password (redis-cli sends no AUTH)', ['--user', 'someone', '--no-raw']],
  ])('prints what redis-cli prints on a server without a password: %s', async (_name, args) => {
    const [ours, theirs] = await Promise.all([tutorCli(args, SESSION), realCli(args, SESSION)]);
    expect(theirs.stdout).toContain('default');
    expect(sameAddress(ours)).toEqual(sameAddress(theirs));
  });

  it('a one-shot command, with no warning about passwords', async () => {
    const [ours, theirs] = await Promise.all([tutorCli(['ACL', 'WHOAMI'], ''), realCli(['ACL', 'WHOAMI'], '')]);
    expect(ours).toEqual(theirs);
    expect(ours.stdout).toBe('default\n');
  });
});
