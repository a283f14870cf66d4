import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/commands/validate.js';
import { hasErrors } from '../../src/course/course-problems.js';
import { renderValidateReport } from '../../src/validate/render-validate.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * validate --solutions on a real server warns (does not fail) for each
 * command of a solution or a check that the server does not know, by
 * COMMAND INFO: HEXPIRE and HTTL on Redis 7.0 (the machine's redis-server;
 * the matrix's Redis 8 knows them, and then nothing is warned about). The
 * server validate runs on is the one asked, here a --url one, so the test
 * knows which server it is.
 */
const COURSE = join(import.meta.dirname, '../fixtures/course-server-commands');
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-validate-server-commands-'));
let server: TestServer;
let knowsHexpire: boolean;
let version: string;
beforeAll(async () => {
  server = await startTestServer();
  const probe = new Redis(server.port, '127.0.0.1', { lazyConnect: true });
  await probe.connect();
  const [info] = (await probe.call('COMMAND', 'INFO', 'hexpire')) as unknown[];
  knowsHexpire = info !== null && info !== undefined;
  version = /^redis_version:(\S+)/m.exec(await probe.info('server'))?.[1] ?? '';
  probe.disconnect();
});
afterAll(async () => {
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('validate --solutions and commands the server does not know', () => {
  it('names the command, the exercise and the server, as warnings at their lines', async () => {
    const report = await runValidate({ dir: COURSE, solutions: true, url: server.url, env: { PATH: process.env.PATH ?? '' }, ownershipFile: join(scratch, 'claims.json'), handleSignals: false });
    const warnings = report.problems.filter((problem) => problem.code === 'unknown-command');
    expect(hasErrors(report.problems)).toBe(false);
    if (knowsHexpire) {
      expect(warnings).toEqual([]);
      return;
    }
    const text = renderValidateReport(report, COURSE);
    const because = `is not a command of the server validate ran on (Redis ${version}), so fields/field-ttl cannot pass there`;
    expect(text).toContain(`01-fields/01-field-ttl.yaml:14:3: warning: solution: HEXPIRE ${because}`);
    expect(text).toContain(`01-fields/01-field-ttl.yaml:18:14: warning: checks[0].command: HTTL ${because}`);
    expect(text).toContain(`01-fields/01-field-ttl.yaml:21:11: warning: checks[1].used: HEXPIRE ${because}`);
    // HSET and HGET of the other exercise, and the setup's HSET, are known everywhere.
    expect(warnings.map((warning) => warning.message)).toHaveLength(3);
    expect(report.solutions?.find(({ result }) => result.id === 'fields/plain')?.result.status).toBe('passed');
  });
});
