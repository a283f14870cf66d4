import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../../src/commands/validate.js';
import { bundledCourseDir } from '../../../src/course/load.js';
import { connectRespLearner } from '../../../src/engine/default-learner.js';
import { reasonsOf } from '../../../src/validate/render-validate.js';
import { pidsMentioning } from '../../redis/support/processes.js';

/*
 * The production lab (topology: exercises) under `validate --solutions` on
 * real redis-server processes: each run gets its own topology (replication,
 * Sentinel, a 6-node Cluster, a single AOF server), node-addressed checks,
 * `connect NODE` lines and actors that kill, wait for a failover and
 * restart; every process of every topology is gone afterwards.
 */
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-production-lab-'));
  cpSync(join(bundledCourseDir(), '25-production-lab'), join(dir, '25-production-lab'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the production lab under validate --solutions', () => {
  it('passes every lab on its own topology and leaves no topology process behind', async () => {
    const report = await runValidate({ dir, solutions: true, env: { PATH: process.env.PATH ?? '' }, ownershipFile: join(dir, 'claims.json'), connectLearner: connectRespLearner });
    const results = (report.solutions ?? []).map(({ result }) => [result.id, result.status, reasonsOf(result)]);
    expect(results).toEqual([
      ['production-lab/read-from-replica', 'passed', []],
      ['production-lab/sentinel-failover', 'passed', []],
      ['production-lab/cluster-key-slot', 'passed', []],
      ['production-lab/aof-recovery', 'passed', []],
    ]);
    expect(pidsMentioning('redis-tutor-topology-')).toEqual([]);
  }, 180_000);
});
