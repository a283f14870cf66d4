import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradingLane } from '../grade/grading-lane.js';
import type { LoadedProject } from './load-project.js';
import { readStudentProject } from './student-project.js';
import { testProject, type ProjectTestSettings, type StageGrade } from './test-project.js';

/** One rule of the dev check, and whether it holds. */
export interface SolutionFinding {
  stage: number;
  /** The folder tested, relative to the project. */
  folder: string;
  rule: 'passes-up-to-its-stage' | 'fails-its-stage-before';
  holds: boolean;
  /** When it does not hold: the stage's result. */
  stageGrade?: StageGrade;
}

/**
 * rustlings' `dev check` for a project: for every language in solutions/,
 * stage K's solution (solutions/LANG/K-<stage id>/) passes stages 1..K, and
 * stage K fails on the solution before it (the starter, starter/LANG/, for
 * stage 1) — so each stage tests something its predecessor does not do.
 */
export async function checkSolutions(lane: GradingLane, project: LoadedProject, settings: ProjectTestSettings): Promise<SolutionFinding[]> {
  const findings: SolutionFinding[] = [];
  const languages = await readdir(join(project.dir, 'solutions')).catch(() => [] as string[]);
  for (const language of languages.sort()) {
    let before = join('starter', language);
    for (const stage of project.stages) {
      const folder = join('solutions', language, `${stage.number}-${stage.id}`);
      const own = await testProject(lane, project, await readStudentProject(join(project.dir, folder)), range(stage.number), settings);
      const failedOwn = own.stages.find((grade) => grade.status !== 'passed');
      findings.push({ stage: stage.number, folder, rule: 'passes-up-to-its-stage', holds: own.passed, ...(failedOwn ? { stageGrade: failedOwn } : {}) });
      const previous = await testProject(lane, project, await readStudentProject(join(project.dir, before)), [stage.number], settings);
      findings.push({ stage: stage.number, folder: before, rule: 'fails-its-stage-before', holds: !previous.passed, ...(previous.stages[0] ? { stageGrade: previous.stages[0] } : {}) });
      before = folder;
    }
  }
  return findings;
}

export function range(upTo: number): number[] {
  return Array.from({ length: upTo }, (_, i) => i + 1);
}
