import { resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { Language } from '../course/schema.js';
import { EXIT, EnvironmentError, UserError, errorMessage } from '../errors.js';
import { studentsOfClass, studentsOfPaths, type StudentOutcome } from '../grade/class-grading.js';
import { reporters, type ReporterName } from '../grade/reporters.js';
import type { Io } from '../io.js';
import { everyAnswerGone } from '../programs/contain-process.js';
import { parsePassEnv } from '../programs/program-env.js';
import { gradeProject } from '../projects/grade-project.js';
import { findProject, loadProject, type LoadedProject } from '../projects/load-project.js';
import { readStudentProject } from '../projects/student-project.js';
import { reportPasses } from '../results/report-model.js';
import { openProjectLane, projectTestSettings } from './project-runner.js';
import { checkClassOptions, isClassRun, parseClassReporters, progressLine, writeClassResults } from './grade-class.js';

/** What `grade` gives --project besides the project: reporter, output, language. */
export interface ProjectGradeCommand {
  options: Record<string, unknown>;
  operands: readonly string[];
  io: Io;
  language: Language;
  timeoutSeconds: number;
  reporter: () => ReporterName;
}

/**
 * `redis-tutor grade --project N DIR` (or a folder of a teacher's project):
 * one student's project by the workshop's criteria, in any reporter; with
 * several folders or --class DIR, the class in one process on one server,
 * into --output-dir and the gradebook as class mode does.
 */
export async function gradeProjectCommand(command: ProjectGradeCommand): Promise<number> {
  const { options, operands, io, language } = command;
  for (const flag of ['assignment', 'module', 'exercise', 'course'] as const) {
    if (options[flag] !== undefined) throw new UserError(`--${flag} is for the course's exercises; --project grades a project's stages.`, `Drop --${flag}.`);
  }
  const project = await projectNamed(options.project, io.cwd);
  const settings = projectTestSettings(options, io.env, command.timeoutSeconds * 1000, parsePassEnv(options.passEnv));
  const classRun = isClassRun(options, operands);
  if (classRun) checkClassOptions(options, operands);
  const students = typeof options.class === 'string' ? await studentsOfClass(resolve(io.cwd, options.class), options.class) : studentsOfPaths(operands.length > 0 ? operands : ['.'], io.cwd);
  const lane = await openProjectLane(options, io.env);
  const outcomes: StudentOutcome[] = [];
  try {
    for (const student of students) {
      let outcome: StudentOutcome;
      try {
        const folder = await readStudentProject(student.dir);
        outcome = { student, report: await gradeProject(lane, project, folder, { ...settings, submissionLabel: student.label }) };
      } catch (error) {
        // One student's unreadable folder is their row of the gradebook; one student alone is a usage error.
        if (!classRun || !(error instanceof UserError)) throw error;
        outcome = { student, error: { message: error.message, ...(error.nextStep !== undefined ? { nextStep: error.nextStep } : {}) } };
      }
      outcomes.push(outcome);
      if (classRun) io.stderr.write(progressLine(outcome));
    }
  } finally {
    await lane.close();
    await everyAnswerGone();
  }

  if (classRun) {
    const outputDir = typeof options.outputDir === 'string' ? resolve(io.cwd, options.outputDir) : undefined;
    return writeClassResults(outcomes, { reporters: parseClassReporters(options.reporter), language, io, ...(outputDir !== undefined ? { outputDir } : {}) });
  }
  const [only] = outcomes;
  if (only === undefined || 'error' in only) throw new UserError('nothing was graded.', 'Give the student\'s project folder: redis-tutor grade --project 1 DIR');
  const reporter = command.reporter();
  const color = io.stdout.isTTY === true && !io.env.NO_COLOR;
  const text = reporters[reporter](only.report, { language, color: reporter === 'pretty' && color && typeof options.output !== 'string' });
  if (typeof options.output === 'string') {
    const file = resolve(io.cwd, options.output);
    await writeFile(file, text).catch((error: unknown) => {
      throw new EnvironmentError(`cannot write the report to ${file}: ${errorMessage(error)}.`, 'Check that its folder exists and is writable.', { cause: error });
    });
    io.stdout.write(reporters.pretty(only.report, { language, color }));
  } else {
    io.stdout.write(text);
  }
  return reportPasses(only.report) ? EXIT.ok : EXIT.failed;
}

/** --project: a bundled project's variant or id, or the folder of a teacher's own (with project.yaml). */
async function projectNamed(value: unknown, cwd: string): Promise<LoadedProject> {
  if (typeof value !== 'string' || value.trim() === '') throw new UserError('--project needs a project: its variant number, id or folder.', 'Example: redis-tutor grade --project 7 student-folder');
  return /^[\w-]+$/.test(value) ? findProject(value).catch(() => loadProject(resolve(cwd, value))) : loadProject(resolve(cwd, value));
}
