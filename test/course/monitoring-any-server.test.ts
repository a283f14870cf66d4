import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/commands/validate.js';
import { bundledCourseDir } from '../../src/course/load.js';
import { connectRespLearner } from '../../src/engine/default-learner.js';
import { reasonsOf } from '../../src/validate/render-validate.js';
import { startTestServer } from '../support/test-server.js';

/*
 * The INFO exercises copy what the server shows. Their solutions used to
 * copy the private server's own settings (maxmemory_human 256.00M,
 * maxclients 10000) and failed wherever those differ.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-info-memory-'));
  mkdirSync(join(dir, '01-monitoring'));
  for (const file of ['module.yaml', '01-info-memory.yaml', '02-info-clients.yaml']) copyFileSync(join(bundledCourseDir(), '13-monitoring', file), join(dir, '01-monitoring', file));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('monitoring/info-memory and info-clients hold on any server', () => {
  it.each([
    ['the private server (a 256 MB cap)', undefined],
    ['a server without a cap', []],
    ['a cache with a 300 MB cap that evicts and 128 clients at most', ['--maxmemory', '300mb', '--maxmemory-policy', 'allkeys-lru', '--maxclients', '128']],
  ])('%s, and the server keeps its own settings afterwards', async (_name, serverArgs) => {
    const server = serverArgs ? await startTestServer(serverArgs) : undefined;
    const redis = server ? new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true }) : undefined;
    const settings = async (): Promise<unknown[]> => {
      if (!redis) return [];
      const setting = async (name: string): Promise<unknown> => ((await redis.call('CONFIG', 'GET', name)) as unknown[])[1];
      return [await setting('maxmemory'), await setting('maxmemory-policy'), await setting('maxclients')];
    };
    try {
      await redis?.connect();
      const before = await settings();
      const report = await runValidate({
        dir,
        solutions: true,
        ...(server ? { url: server.url } : {}),
        env: { PATH: process.env.PATH ?? '' },
        ownershipFile: join(dir, 'claims.json'),
        connectLearner: connectRespLearner,
      });
      // The reference solutions; their counter-examples fail as they should (validate's own tests cover those).
      expect((report.solutions ?? []).filter((validation) => !validation.counterExample).map(({ result }) => [result.id, result.status, reasonsOf(result)])).toEqual([
        ['monitoring/info-memory', 'passed', []],
        ['monitoring/info-clients', 'passed', []],
      ]);
      expect(await settings()).toEqual(before);
    } finally {
      redis?.disconnect();
      await server?.stop();
    }
  });
});
