import { resolveCourseDir } from '../course/course-dir.js';
import { readCourse } from '../course/read-course.js';
import { findExercise } from '../course/find-exercise.js';
import { resolveLanguage } from '../course/language.js';
import { PIPED_WIDTH, renderShow } from '../course/render-show.js';
import { buildShowModel } from '../course/show-model.js';
import { textStyle } from '../course/text-style.js';
import { UserError } from '../errors.js';
import type { Action } from './action.js';
import { knownServer } from './known-server.js';
import { parseProgramLanguage } from '../projects/program-language.js';
import { showProgram } from '../projects/show-program.js';

/**
 * `redis-tutor show MODULE/EXERCISE [--course DIR] [--solution] [--json] [--lang en|ru] [--url URL] [--redis-server PATH]
 * [--in python|javascript] [--workspace DIR]`; a program exercise also shows (and on first show makes) the learner's file.
 */
export const showAction: Action = async ({ options, operands, io }) => {
  const [id] = operands;
  if (id === undefined) throw new UserError('show needs an exercise id.', 'Example: redis-tutor show getting-started/first-key');
  const language = resolveLanguage(options.lang, io.env);
  const { course, note } = await readCourse(await resolveCourseDir({ option: options.course }, io.env, io.cwd));
  if (note) io.stderr.write(note);
  const { module, exercise } = findExercise(course, id, language);
  const server = await knownServer(options, io, course);
  const program = await showProgram(exercise, {
    env: io.env,
    cwd: io.cwd,
    withSolution: options.solution === true,
    ...(typeof options.workspace === 'string' ? { workspace: options.workspace } : {}),
    ...(options.in !== undefined ? { language: parseProgramLanguage(options.in) } : {}),
  });
  const model = buildShowModel(module, exercise, language, { withSolution: options.solution === true, ...(server ? { server } : {}), ...(program ? { program } : {}) });
  io.stdout.write(options.json === true ? `${JSON.stringify(model, null, 2)}\n` : renderShow(model, textStyle(io.stdout, io.env), showWidth(io.stdout)));
  return 0;
};

/** The terminal's width; piped output is laid out for PIPED_WIDTH columns. */
function showWidth(stream: { isTTY?: boolean; columns?: number }): number {
  return stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 ? stream.columns : PIPED_WIDTH;
}
