import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCheck } from '../course/build-exercise.js';
import type { Check, ScriptLine, SourceLocation } from '../course/schema.js';
import type { Text } from '../course/schema/texts.js';
import { scriptLines } from '../course/script-lines.js';
import { parseYamlSource, type YamlSource } from '../course/yaml-source.js';
import { explainIssues } from '../course/zod-issues.js';
import { UserError, errorMessage } from '../errors.js';
import { ProjectFileSchema, type ProjectFile, type StepFile } from './project-format.js';

export const PROJECT_FILE = 'project.yaml';
const PROJECT_FOLDER = /^(\d{2})-([a-z0-9][a-z0-9-]*)$/;

/** One step as the tester runs it: `run` one program, `parallel` several at once, or `listen` while `runs` go. */
export interface LoadedStep {
  kind: 'run' | 'parallel' | 'listen';
  /** run: one list; parallel: one per program; listen: the runs made while the listener listens. */
  runs: string[][];
  /** listen: the listener's arguments. */
  listener?: string[];
  /** The programs are given a Redis that refuses connections. */
  unreachable: boolean;
  checks: Check[];
  location: SourceLocation;
}

export interface LoadedStage {
  /** 1-based. */
  number: number;
  id: string;
  title: Text;
  description: Text;
  hint?: Text;
  setupLines: ScriptLine[];
  steps: LoadedStep[];
  location: SourceLocation;
}

export interface LoadedProject {
  /** The project's folder (absolute). */
  dir: string;
  file: string;
  id: string;
  variant: number;
  level: ProjectFile['level'];
  title: Text;
  summary: Text;
  schema: ProjectFile['schema'];
  stages: LoadedStage[];
}

/** The projects that ship with the tutor: projects/ beside exercises/ in the package. */
export function bundledProjectsDir(): string {
  return fileURLToPath(new URL('../../projects/', import.meta.url));
}

/** Reads and validates DIR/project.yaml; a bad file is a UserError listing each problem as file:line:column. */
export async function loadProject(dir: string): Promise<LoadedProject> {
  const file = join(resolve(dir), PROJECT_FILE);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new UserError(`cannot read ${file}: ${errorMessage(error)}.`, 'A project folder holds a project.yaml (see projects/ in the tutor).', { cause: error });
  });
  const source = parseYamlSource(file, text);
  const syntax = source.problems.filter((problem) => problem.severity === 'error');
  if (syntax.length > 0 || source.value === undefined) throw badProject(file, syntax.map((problem) => `${problem.file}:${problem.line ?? 1}: ${problem.message}`));
  const parsed = ProjectFileSchema.safeParse(source.value);
  if (!parsed.success) {
    const lines = explainIssues(parsed.error.issues, source.value).map((issue) => {
      const at = issue.key !== undefined ? source.locateKey(issue.path, issue.key) : source.locate(issue.path);
      return `${at.file}:${at.line}:${at.column}: ${issue.message}`;
    });
    throw badProject(file, lines);
  }
  return buildProject(parsed.data, source, resolve(dir));
}

/** Every bundled (or `projectsDir`) project, by variant. */
export async function listProjects(projectsDir: string = bundledProjectsDir()): Promise<LoadedProject[]> {
  const folders = await projectFolders(projectsDir);
  return Promise.all(folders.map((folder) => loadProject(join(projectsDir, folder.name))));
}

/** Finds a bundled (or `projectsDir`) project by its id or its variant number. */
export async function findProject(idOrVariant: string, projectsDir: string = bundledProjectsDir()): Promise<LoadedProject> {
  const folders = await projectFolders(projectsDir);
  const wanted = folders.find((folder) => folder.id === idOrVariant || String(folder.variant) === idOrVariant.replace(/^0+/, ''));
  if (wanted === undefined) {
    throw new UserError(`no project "${idOrVariant}".`, `Projects: ${folders.map((folder) => `${folder.variant} ${folder.id}`).join(', ') || 'none found'}.`);
  }
  return loadProject(join(projectsDir, wanted.name));
}

async function projectFolders(projectsDir: string): Promise<Array<{ name: string; variant: number; id: string }>> {
  const names = await readdir(projectsDir).catch(() => [] as string[]);
  return names.sort().flatMap((name) => {
    const match = PROJECT_FOLDER.exec(name);
    return match ? [{ name, variant: Number(match[1]), id: match[2] ?? '' }] : [];
  });
}

function badProject(file: string, lines: string[]): UserError {
  return new UserError(`${file} is not a valid project:\n${lines.map((line) => `  ${line}`).join('\n')}`, 'Fix the lines above; the format is described in the README, section Projects.');
}

function buildProject(file: ProjectFile, source: YamlSource, dir: string): LoadedProject {
  return {
    dir,
    file: source.file,
    id: file.id,
    variant: file.variant,
    level: file.level,
    title: file.title,
    summary: file.summary,
    schema: file.schema,
    stages: file.stages.map((stage, s) => ({
      number: s + 1,
      id: stage.id,
      title: stage.title,
      description: stage.description,
      ...(stage.hint !== undefined ? { hint: stage.hint } : {}),
      setupLines: stage.setup === undefined ? [] : scriptLines(stage.setup, ['stages', s, 'setup'], source.locateTextLine),
      steps: stage.steps.map((step, t) => buildStep(step, ['stages', s, 'steps', t], source)),
      location: source.locate(['stages', s]),
    })),
  };
}

function buildStep(step: StepFile, path: (string | number)[], source: YamlSource): LoadedStep {
  const checks = step.checks.map((check, index) => buildCheck(check, index, source.locate([...path, 'checks', index]), source.file));
  const common = { checks, location: source.locate(path), unreachable: step.redis === 'unreachable' };
  if ('run' in step) return { kind: 'run', runs: [step.run], ...common };
  if ('parallel' in step) return { kind: 'parallel', runs: step.parallel, ...common };
  return { kind: 'listen', listener: step.listen, runs: step.then, ...common };
}
