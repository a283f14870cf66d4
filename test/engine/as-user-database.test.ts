import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/commands/validate.js';
import { bundledCourseDir } from '../../src/course/load.js';
import { connectRespLearner } from '../../src/engine/default-learner.js';
import { reasonsOf } from '../../src/validate/render-validate.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * Checks with `as: { user, password }` run on a connection of their own. A
 * read-only user may not SELECT, so under --url redis://host:port/1 they used
 * to read database 0 and find nothing.
 */
const EXERCISES = ['02-read-only-user.yaml', '05-key-patterns.yaml'];

let dir: string;
let server: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-as-user-db-'));
  const from = join(bundledCourseDir(), '12-security-acl');
  const to = join(dir, '01-security-acl');
  mkdirSync(to);
  for (const file of ['module.yaml', ...EXERCISES]) copyFileSync(join(from, file), join(to, file));
  server = await startTestServer();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.stop();
});

describe('checks that run as another ACL user', () => {
  it.each([0, 1, 7])('run on the learner’s database %i under --url', async (db) => {
    const report = await runValidate({
      dir,
      solutions: true,
      url: `${server.url}/${db}`,
      env: { PATH: process.env.PATH ?? '' },
      ownershipFile: join(dir, `claims-${db}.json`),
      connectLearner: connectRespLearner,
    });
    // The reference solutions; their counter-examples fail as they should (validate's own tests cover those).
    const solutions = (report.solutions ?? []).filter((validation) => !validation.counterExample);
    const results = solutions.map(({ result }) => [result.id, result.status, reasonsOf(result)]);
    expect(results).toEqual([
      ['security-acl/read-only-user', 'passed', []],
      ['security-acl/key-patterns', 'passed', []],
    ]);
  });
});
