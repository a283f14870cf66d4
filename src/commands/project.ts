import { resolve } from 'node:path';
import { isLanguage, resolveLanguage } from '../course/language.js';
import type { Language } from '../course/schema.js';
import { localize } from '../course/localize.js';
import { textStyle } from '../course/text-style.js';
import { EXIT, UserError } from '../errors.js';
import { everyAnswerGone } from '../programs/contain-process.js';
import { checkSolutions, range } from '../projects/check-solutions.js';
import { initProject, startersOf } from '../projects/init-project.js';
import { languageOfFile, parseProgramLanguage } from '../projects/program-language.js';
import { projectTexts } from '../projects/project-texts.js';
import { findProject, listProjects, loadProject, type LoadedProject } from '../projects/load-project.js';
import { renderProject, renderProjectList } from '../projects/render-project.js';
import { renderProjectTest } from '../projects/render-project-test.js';
import { readStudentProject } from '../projects/student-project.js';
import { testProject } from '../projects/test-project.js';
import type { Action } from './action.js';
import { openProjectLane, projectTestSettings } from './project-runner.js';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * `redis-tutor project list` and `project show N`: the projects and one's
 * stages. `redis-tutor project test [DIR] [--stage N] [--json]`: the learner's
 * program in DIR (its redis-tutor.yaml names the project and the command)
 * against the project's stages 1..N in order, stopping at the first that
 * fails. `project test --solutions [PROJECT]`: the dev check of a project's
 * reference solutions. Exit 0 all pass, 1 a stage fails, 2 bad input.
 */
export const projectAction: Action = async ({ options, operands, io }) => {
  const [verb, dir] = operands;
  // --lang is the texts' language (en, ru); for init it may name the program's language instead (python, javascript).
  const uiLanguage = resolveLanguage(options.lang, io.env);
  const language = uiLanguage;
  const json = options.json === true;
  if (verb === 'list' || verb === 'show') {
    const style = textStyle(io.stdout, io.env);
    if (verb === 'list') {
      const projects = await listProjects();
      io.stdout.write(json ? `${JSON.stringify(projects.map(projectSummary), null, 2)}\n` : renderProjectList(projects, language, style));
      return EXIT.ok;
    }
    if (dir === undefined) throw new UserError('project show needs a project: its variant number or id.', 'Example: redis-tutor project show 7 (redis-tutor project list shows them all)');
    const project = await findProject(dir);
    io.stdout.write(json ? `${JSON.stringify({ ...projectSummary(project), summary: project.summary, schema: project.schema, stages: project.stages.map(({ number, id, title, description }) => ({ number, id, title, description })) }, null, 2)}\n` : renderProject(project, language, style));
    return EXIT.ok;
  }
  if (verb === 'init') return initAction(operands.slice(1), options, io, uiLanguage);
  if (operands.length > 2) throw new UserError(`project ${verb ?? ''} takes one folder, not ${operands.length - 1}.`, 'Run it once per folder.');
  if (options.lang !== undefined && !isLanguage(options.lang)) throw new UserError(`--lang ${JSON.stringify(options.lang)} names a program language, which only project init takes.`, 'Use --lang en or --lang ru here.');
  if (verb !== 'test') throw new UserError(`unknown project command "${verb ?? ''}".`, 'Use: redis-tutor project list | show N | init N [DIR] | test [DIR] [--stage N]');
  const settings = projectTestSettings(options, io.env, parseTimeout(options.timeout));

  const solutions = options.solutions === true;
  const student = solutions ? undefined : await readStudentProject(resolve(io.cwd, dir ?? '.'));
  const project = solutions ? await projectToCheck(dir, io.cwd) : await findProject(student?.project ?? '');
  const stage = parseStage(options.stage ?? (student?.stage !== undefined ? String(student.stage) : undefined), project);

  const lane = await openProjectLane(options, io.env);
  try {
    if (student === undefined) {
      const findings = await checkSolutions(lane, project, settings);
      const passed = findings.length > 0 && findings.every((finding) => finding.holds);
      if (json) io.stdout.write(`${JSON.stringify({ project: project.id, passed, findings }, null, 2)}\n`);
      else {
        for (const finding of findings) io.stdout.write(`${finding.holds ? 'ok  ' : 'FAIL'} stage ${finding.stage} ${finding.rule}: ${finding.folder}\n`);
        if (findings.length === 0) io.stdout.write(`${project.id}: no solutions/ folder to check\n`);
      }
      return passed ? EXIT.ok : EXIT.failed;
    }
    const result = await testProject(lane, project, student, range(stage ?? project.stages.length), settings);
    if (json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const rerun = ['redis-tutor project test', ...(dir !== undefined ? [dir] : []), ...(stage !== undefined ? ['--stage', String(stage)] : [])].join(' ');
      io.stdout.write(renderProjectTest(project, result, lane.target.describe(), rerun, language, textStyle(io.stdout, io.env)));
    }
    const broken = result.stages.some((grade) => grade.problem?.code === 'grader-error');
    return result.passed ? EXIT.ok : broken ? EXIT.usage : EXIT.failed;
  } finally {
    await lane.close();
    await everyAnswerGone();
  }
};

/** `project init N [DIR] [--lang python|javascript]` (or --in): the starter into DIR, default ./<id>. */
async function initAction(operands: string[], options: Record<string, unknown>, io: Parameters<Action>[0]['io'], language: Language): Promise<number> {
  const [which, dir] = operands;
  if (which === undefined) throw new UserError('project init needs a project: its variant number or id.', 'Example: redis-tutor project init 1 my-visits --lang python');
  const project = await findProject(which);
  const programLanguage = parseProgramLanguage(options.in ?? (isLanguage(options.lang) ? undefined : options.lang)) ?? (await startersOf(project))[0] ?? 'python';
  const target = resolve(io.cwd, dir ?? project.id);
  const made = await initProject(project, programLanguage, target);
  const texts = projectTexts(language);
  const shown = dir ?? project.id;
  const mainFile = made.files.find((file) => languageOfFile(file) === programLanguage) ?? made.files[0] ?? '';
  io.stdout.write(`${texts.initialized(project.variant, localize(project.title, language), programLanguage, shown, made.files)}\n${texts.initNext(shown, mainFile)}\n`);
  return EXIT.ok;
}

function projectSummary(project: LoadedProject) {
  return { variant: project.variant, id: project.id, level: project.level, title: project.title, stages: project.stages.length };
}

/** --solutions: DIR is a project folder, or a bundled project's id or variant. */
async function projectToCheck(dir: string | undefined, cwd: string): Promise<LoadedProject> {
  if (dir === undefined) throw new UserError('project test --solutions needs the project: a folder, an id or a variant number.', 'Example: redis-tutor project test --solutions projects/01-visit-counter');
  return /^[\w-]+$/.test(dir) && !dir.includes('/') ? findProject(dir).catch(() => loadProject(resolve(cwd, dir))) : loadProject(resolve(cwd, dir));
}

function parseStage(value: unknown, project: LoadedProject): number | undefined {
  if (value === undefined) return undefined;
  const stage = Number(value);
  if (typeof value !== 'string' || !Number.isInteger(stage) || stage < 1 || stage > project.stages.length) {
    const titles = project.stages.map((s) => `${s.number} ${localize(s.title, 'en')}`).join(', ');
    throw new UserError(`the stage (--stage, or stage: in redis-tutor.yaml) must be a number from 1 to ${project.stages.length}, not ${JSON.stringify(value)}.`, `Stages of ${project.id}: ${titles}.`);
  }
  return stage;
}

function parseTimeout(value: unknown): number {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  const seconds = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(seconds) || seconds < 0.1 || seconds > 3600) {
    throw new UserError(`--timeout must be a number of seconds from 0.1 to 3600, not ${JSON.stringify(value)}.`, 'For example --timeout 30.');
  }
  return seconds * 1000;
}
