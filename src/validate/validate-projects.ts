import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bundledCourseDir } from '../course/load.js';
import { errorMessage } from '../errors.js';
import type { GradingLane } from '../grade/grading-lane.js';
import { range } from '../projects/check-solutions.js';
import { bundledProjectsDir, loadProject, type LoadedProject } from '../projects/load-project.js';
import { readStudentProject } from '../projects/student-project.js';
import { testProject, type ProjectTestSettings } from '../projects/test-project.js';

/** One rule of a project that `validate` checks, and whether it holds. */
export interface ProjectValidation {
  /** The project's folder name (01-visit-counter), or its id once it loaded. */
  project: string;
  /** The project's folder: ids may repeat, folders do not. */
  dir: string;
  /** The file the reason is about. */
  file: string;
  rule: 'loads' | 'last-solution-passes' | 'starter-fails-stage-1';
  language?: string;
  holds: boolean;
  /** Why it does not hold, in English (validate is for authors). */
  reason?: string;
  ms?: number;
}

const PROJECT_FOLDER = /^\d{2}-[a-z0-9][a-z0-9-]*$/;

/** The projects beside a course: the bundled ones for the bundled course, DIR/projects/ for a teacher's. */
export function projectsDirOf(courseDir: string): string | undefined {
  if (resolve(courseDir) === resolve(bundledCourseDir())) return bundledProjectsDir();
  const own = join(courseDir, 'projects');
  return existsSync(own) ? own : undefined;
}

/** Loads every project folder; one that does not load is a failed rule with its file:line:column reasons. */
export async function loadProjectsToValidate(projectsDir: string): Promise<{ projects: LoadedProject[]; failures: ProjectValidation[] }> {
  const names = (await readdir(projectsDir).catch(() => [] as string[])).filter((name) => PROJECT_FOLDER.test(name)).sort();
  const projects: LoadedProject[] = [];
  const failures: ProjectValidation[] = [];
  for (const name of names) {
    try {
      projects.push(await loadProject(join(projectsDir, name)));
    } catch (error) {
      failures.push({ project: name, dir: join(projectsDir, name), file: join(projectsDir, name, 'project.yaml'), rule: 'loads', holds: false, reason: errorMessage(error) });
    }
  }
  return { projects, failures };
}

/**
 * `validate --solutions` for projects, as for exercises: in every language
 * the project has, its last stage's solution passes every stage and the
 * untouched starter fails stage 1. (Stage by stage, each solution against
 * the one before, is `project test --solutions`, the longer dev check.)
 */
export async function validateProjectSolutions(lanes: readonly GradingLane[], projects: readonly LoadedProject[], settings: ProjectTestSettings): Promise<ProjectValidation[]> {
  // Each lane (a server of its own) takes the next project; the results keep the projects' order.
  const results = new Map<LoadedProject, ProjectValidation[]>();
  let next = 0;
  await Promise.all(
    lanes.map(async (lane) => {
      for (let project = projects[next++]; project !== undefined; project = projects[next++]) results.set(project, await projectRules(lane, project, settings));
    }),
  );
  return projects.flatMap((project) => results.get(project) ?? []);
}

async function projectRules(lane: GradingLane, project: LoadedProject, settings: ProjectTestSettings): Promise<ProjectValidation[]> {
  const results: ProjectValidation[] = [];
  const languages = (await readdir(join(project.dir, 'starter')).catch(() => [] as string[])).sort();
  const last = project.stages.at(-1);
  for (const language of languages) {
    if (last !== undefined) {
      const folder = join(project.dir, 'solutions', language, `${last.number}-${last.id}`);
      results.push(await ruleOf(project, language, 'last-solution-passes', folder, async () => {
        const result = await testProject(lane, project, await readStudentProject(folder), range(project.stages.length), settings);
        const failed = result.stages.find((stage) => stage.status !== 'passed');
        return failed === undefined ? undefined : `stage ${failed.stage} (${failed.exercise}) fails: ${failed.failedCheck?.description.en ?? failed.problem?.message ?? 'see project test'}`;
      }));
    }
    const starter = join(project.dir, 'starter', language);
    results.push(await ruleOf(project, language, 'starter-fails-stage-1', starter, async () => {
      const result = await testProject(lane, project, await readStudentProject(starter), [1], settings);
      return result.passed ? 'the untouched starter passes stage 1: the stage tests nothing the starter lacks' : undefined;
    }));
  }
  return results;
}

async function ruleOf(project: LoadedProject, language: string, rule: ProjectValidation['rule'], file: string, broken: () => Promise<string | undefined>): Promise<ProjectValidation> {
  const started = performance.now();
  let reason: string | undefined;
  try {
    reason = await broken();
  } catch (error) {
    reason = errorMessage(error);
  }
  return { project: project.id, dir: project.dir, file, rule, language, holds: reason === undefined, ...(reason !== undefined ? { reason } : {}), ms: performance.now() - started };
}
