import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { connectRespLearner } from '../../src/engine/default-learner.js';
import { GradingLane } from '../../src/grade/grading-lane.js';
import { range } from '../../src/projects/check-solutions.js';
import { bundledProjectsDir, loadProject, type LoadedProject } from '../../src/projects/load-project.js';
import { readStudentProject } from '../../src/projects/student-project.js';
import { testProject, type ProjectTestSettings } from '../../src/projects/test-project.js';
import { pythonWithRedisPy } from '../support/python-with-redis.js';

/**
 * The hidden class: student-like submissions for the bundled projects
 * (test/fixtures/project-submissions/<project folder>/<case>/), some right
 * and written unlike the reference, some subtly wrong. Each case's
 * verdict.yaml says which stages pass and, for a wrong one, the stage and
 * the check that must catch it; the tester runs every stage, in order, as
 * `project test` does.
 */

const SUBMISSIONS = join(import.meta.dirname, '..', 'fixtures', 'project-submissions');

const VerdictSchema = z.strictObject({
  passes: z.union([z.literal('all'), z.array(z.string())]),
  fails: z.string().optional(),
  check: z.string().optional(),
});

const cases = readdirSync(SUBMISSIONS)
  .sort()
  .flatMap((projectFolder) =>
    readdirSync(join(SUBMISSIONS, projectFolder))
      .sort()
      .map((name) => ({
        projectFolder,
        name,
        dir: join(SUBMISSIONS, projectFolder, name),
        verdict: VerdictSchema.parse(parse(readFileSync(join(SUBMISSIONS, projectFolder, name, 'verdict.yaml'), 'utf8'))),
      })),
  );

/** Cases run a few at once, each on a lane (a server) of its own: their programs mostly wait on processes. */
const LANES = 3;
const lanes: GradingLane[] = [];
const waiting: Array<(lane: GradingLane) => void> = [];
async function withLane<T>(use: (lane: GradingLane) => Promise<T>): Promise<T> {
  const lane = lanes.pop() ?? (await new Promise<GradingLane>((resolve) => waiting.push(resolve)));
  try {
    return await use(lane);
  } finally {
    const next = waiting.shift();
    if (next) next(lane);
    else lanes.push(lane);
  }
}
const opened: GradingLane[] = [];
let settings: ProjectTestSettings;
const projects = new Map<string, LoadedProject>();

beforeAll(async () => {
  opened.push(...(await Promise.all(Array.from({ length: LANES }, () => GradingLane.open({ env: process.env, connectLearner: connectRespLearner, handleSignals: false })))));
  lanes.push(...opened);
  settings = { env: { PATH: process.env.PATH ?? '' }, interpreters: { python: pythonWithRedisPy(), node: process.execPath }, handleSignals: false, timeoutMs: 15_000 };
  for (const projectFolder of new Set(cases.map((one) => one.projectFolder))) {
    projects.set(projectFolder, await loadProject(join(bundledProjectsDir(), projectFolder)));
  }
}, 60_000);
afterAll(() => Promise.all(opened.map((lane) => lane.close())));

describe('the hidden class of project submissions gets the right verdict on each stage', () => {
  it('has cases, each for a bundled project and naming only its stages', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const { projectFolder, name, verdict } of cases) {
      const project = projects.get(projectFolder);
      expect(project, `${projectFolder}/${name}`).toBeDefined();
      const ids = project?.stages.map((stage) => stage.id) ?? [];
      const named = [...(verdict.passes === 'all' ? [] : verdict.passes), ...(verdict.fails ? [verdict.fails] : [])];
      expect(ids, `${projectFolder}/${name}`).toEqual(expect.arrayContaining(named));
      expect(verdict.passes === 'all', `${projectFolder}/${name}: a right submission fails nothing`).toBe(verdict.fails === undefined);
    }
  });

  it.concurrent.each(cases.map((one) => [`${one.projectFolder} ${one.name}`, one] as const))('%s', async (_label, { projectFolder, dir, verdict }) => {
    const project = projects.get(projectFolder);
    if (!project) throw new Error(`no project ${projectFolder}`);
    const student = await readStudentProject(dir);
    const result = await withLane((lane) => testProject(lane, project, student, range(project.stages.length), settings));
    const statuses = result.stages.map((grade) => [project.stages[grade.stage - 1]?.id, grade.status]);
    const passes = verdict.passes === 'all' ? project.stages.map((stage) => stage.id) : verdict.passes;
    expect(statuses).toEqual([...passes.map((id) => [id, 'passed']), ...(verdict.fails ? [[verdict.fails, 'failed']] : [])]);
    if (verdict.check !== undefined) expect(result.stages.at(-1)?.failedCheck?.description.en).toBe(verdict.check);
  }, 120_000);
});
