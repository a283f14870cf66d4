import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRespLearner } from '../../src/engine/default-learner.js';
import { GradingLane } from '../../src/grade/grading-lane.js';
import { checkSolutions } from '../../src/projects/check-solutions.js';
import { loadProject } from '../../src/projects/load-project.js';
import { readStudentProject } from '../../src/projects/student-project.js';
import { testProject, type ProjectTestSettings } from '../../src/projects/test-project.js';
import { pythonWithRedisPy } from '../support/python-with-redis.js';

/** The dev check and the bad-input verdicts, on a two-stage project made here, with real redis-server and python3. */

const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-check-solutions-'));
let lane: GradingLane;
let settings: ProjectTestSettings;

const PROJECT = `id: hits
variant: 1
level: basic
title: { en: Hits, ru: Хиты }
summary: { en: Counts hits, ru: Считает хиты }
schema:
  - { key: hits, type: string, description: { en: The hits, ru: Хиты } }
stages:
  - id: hit
    title: { en: Hit, ru: Хит }
    description: { en: "hit adds one", ru: "hit добавляет один" }
    steps:
      - run: [hit]
        checks:
          - { description: { en: hits is 1, ru: hits равен 1 }, key: hits, value: '1' }
  - id: show
    title: { en: Show, ru: Показать }
    description: { en: "show prints the hits", ru: "show печатает хиты" }
    setup: SET hits 41
    steps:
      - run: [show]
        checks:
          - { description: { en: it prints 41, ru: печатает 41 }, output: { matches: '^41$' } }
`;

const PRELUDE = 'import os, sys, redis\nr = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)\ncmd = sys.argv[1] if len(sys.argv) > 1 else ""\n';
const HIT = 'if cmd == "hit":\n    r.incr("hits")\n';
const SHOW = 'if cmd == "show":\n    print(r.get("hits"))\n';

function writeProgram(dir: string, source: string, command = 'python3 app.py'): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'app.py'), source);
  writeFileSync(join(dir, 'redis-tutor.yaml'), `project: hits\ncommand: ${command}\n`);
  return dir;
}

beforeAll(async () => {
  lane = await GradingLane.open({ env: process.env, connectLearner: connectRespLearner, handleSignals: false });
  settings = { env: { PATH: process.env.PATH ?? '' }, interpreters: { python: pythonWithRedisPy(), node: process.execPath }, handleSignals: false, timeoutMs: 10_000 };
}, 60_000);
afterAll(async () => {
  await lane.close();
  rmSync(scratch, { recursive: true, force: true });
});

function makeProject(name: string, stage2Source: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'project.yaml'), PROJECT);
  writeProgram(join(dir, 'starter/python'), PRELUDE + 'sys.exit(1)\n');
  writeProgram(join(dir, 'solutions/python/1-hit'), PRELUDE + HIT);
  writeProgram(join(dir, 'solutions/python/2-show'), stage2Source);
  return dir;
}

describe('project test --solutions, the dev check', () => {
  it('holds when each stage passes on its solution and fails on the one before (the starter for stage 1)', async () => {
    const project = await loadProject(makeProject('good', PRELUDE + HIT + SHOW));
    const findings = await checkSolutions(lane, project, settings);
    expect(findings.map((finding) => [finding.stage, finding.rule, finding.folder, finding.holds])).toEqual([
      [1, 'passes-up-to-its-stage', 'solutions/python/1-hit', true],
      [1, 'fails-its-stage-before', 'starter/python', true],
      [2, 'passes-up-to-its-stage', 'solutions/python/2-show', true],
      [2, 'fails-its-stage-before', 'solutions/python/1-hit', true],
    ]);
  }, 60_000);

  it("catches a stage 2 solution that broke stage 1 (an earlier stage's test still runs)", async () => {
    const project = await loadProject(makeProject('regressed', PRELUDE + SHOW));
    const findings = await checkSolutions(lane, project, settings);
    const own = findings.find((finding) => finding.stage === 2 && finding.rule === 'passes-up-to-its-stage');
    expect(own?.holds).toBe(false);
    expect(own?.stageGrade?.stage).toBe(1);
  }, 60_000);
});

describe('programs that misbehave get a verdict within the time limit', () => {
  it('a program that hangs is stopped at the time limit: the stage fails with a timeout', async () => {
    const project = await loadProject(makeProject('hang', PRELUDE + HIT + SHOW));
    const dir = writeProgram(join(scratch, 'hanging'), 'import time\ntime.sleep(60)\n');
    const result = await testProject(lane, project, await readStudentProject(dir), [1], { ...settings, timeoutMs: 1_500 });
    expect(result.stages[0]?.problem?.code).toBe('timeout');
  }, 30_000);

  it('a command that does not exist could not run, and says which command to fix', async () => {
    const project = await loadProject(makeProject('missing', PRELUDE + HIT + SHOW));
    const dir = writeProgram(join(scratch, 'missing-command'), '', 'no-such-interpreter-here app.py');
    const result = await testProject(lane, project, await readStudentProject(dir), [1], settings);
    expect(result.stages[0]?.problem).toMatchObject({ code: 'could-not-run' });
    expect(result.stages[0]?.problem?.message).toContain('redis-tutor.yaml');
  }, 30_000);
});
