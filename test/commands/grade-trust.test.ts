import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../src/program.js';
import { renderError } from '../../src/render-error.js';
import { writeSubmission, type SubmissionFile } from '../grade/support/grade-fixture.js';
import { captureIo } from '../support/capture-io.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * The trust failures of `redis-tutor grade` end the same way: one line that
 * says what was refused, one with the next step, exit 2 — never a stack trace.
 */
let server: TestServer;
let admin: Redis;
const written: string[] = [];
beforeAll(async () => {
  server = await startTestServer();
  admin = new Redis({ port: server.port, host: '127.0.0.1' });
});
afterAll(async () => {
  admin.disconnect();
  await server.stop();
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
});

async function grade(args: string[], files: Record<string, SubmissionFile> = {}, env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '' }) {
  const dir = writeSubmission(files);
  written.push(dir);
  const io = captureIo({ env, cwd: dir });
  let code: number;
  try {
    code = await runProgram(['grade', ...args], io);
  } catch (error) {
    const rendered = renderError(error);
    io.stderr.write(rendered.text);
    code = rendered.exitCode;
  }
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

/** What the person reads: the refusal and the next step, nothing else. */
function expectOneClearLine(result: { code: number; stderr: string }, refusal: RegExp, nextStep: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^redis-tutor: /);
  expect(lines[0]).toMatch(refusal);
  expect(lines[1]).toMatch(nextStep);
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

const RIGHT = { 'getting-started/hello-redis.redis': 'PING\nSET greeting "Hello, Redis!"\n' };
const ONE = ['--exercise', 'getting-started/hello-redis'];

describe('redis-tutor grade: refusals are one clear line and exit 2', () => {
  it('--url: a database holding keys the tutor did not create is not reset', async () => {
    await admin.select(3);
    await admin.mset('order:1', 'a', 'order:2', 'b', 'order:3', 'c', 'order:4', 'd');
    await admin.select(0);
    const result = await grade(['.', ...ONE, '--url', `${server.url}/3`], RIGHT);
    expectOneClearLine(result, /database 3 on 127\.0\.0\.1:\d+ holds 4 keys/, /--force/);
    await admin.select(3);
    expect(await admin.dbsize()).toBe(4);
    await admin.select(0);
    expect(((await admin.call('ACL', 'USERS')) as string[]).filter((name) => name.startsWith('redis-tutor-checker-'))).toEqual([]);
  });

  it('--url: the second run on a database the user filled in between stops (4 keys kept, no --force)', async () => {
    const home = { PATH: process.env.PATH ?? '', REDIS_TUTOR_HOME: mkdtempSync(join(tmpdir(), 'redis-tutor-trust-home-')) };
    written.push(home.REDIS_TUTOR_HOME);
    const first = await grade(['.', ...ONE, '--url', `${server.url}/4`], RIGHT, home);
    expect(first.code).toBe(0);
    // The same machine and tutor home as the first run: what it remembered is what the second one reads.
    await admin.select(4);
    await admin.flushdb();
    await admin.mset('k1', '1', 'k2', '2', 'k3', '3', 'k4', '4');
    await admin.select(0);
    const again = await grade(['.', ...ONE, '--url', `${server.url}/4`], RIGHT, home);
    expect(again.code).toBe(2);
    await admin.select(4);
    expect(await admin.dbsize()).toBe(4);
    await admin.select(0);
  });

  it.each([
    ['a name that is not a variable name', 'MY-TOKEN'],
    ['NAME=value', 'TOKEN=abc'],
    ['a variable the grader sets itself', 'REDIS_URL'],
  ])('--pass-env with %s', async (_what, name) => {
    const result = await grade(['.', ...ONE, '--pass-env', name], RIGHT);
    expectOneClearLine(result, /--pass-env/, /--pass-env [A-Z_]+/);
  });

  it('--pass-env NAME is accepted, and may be given more than once', async () => {
    const result = await grade(['.', ...ONE, '--pass-env', 'PYTHONPATH', '--pass-env', 'NODE_PATH'], RIGHT);
    expect(result.code).toBe(0);
  });

  it('a submission folder under /proc is refused', async () => {
    const result = await grade(['/proc/self', ...ONE], RIGHT);
    expectOneClearLine(result, /\/proc/, /folder/);
  });
});
