import { resolveCourseDir } from '../course/course-dir.js';
import { findModule } from '../course/find-module.js';
import { readCourse } from '../course/read-course.js';
import { resolveLanguage } from '../course/language.js';
import { buildListModel } from '../course/list-model.js';
import { knownServer } from './known-server.js';
import { renderList } from '../course/render-list.js';
import { textStyle } from '../course/text-style.js';
import type { Action } from './action.js';
import { loadProgress, progressFilePath } from '../progress/progress-store.js';
import { isSolvedWithHelp, progressLookup } from '../progress/progress-updates.js';

/** `redis-tutor list [--module ID] [--course DIR] [--json] [--lang en|ru] [--url URL] [--redis-server PATH]` */
export const listAction: Action = async ({ options, io }) => {
  const language = resolveLanguage(options.lang, io.env);
  const { course, note } = await readCourse(await resolveCourseDir({ option: options.course }, io.env, io.cwd));
  if (note) io.stderr.write(note);
  // Before anything slow: a mistyped module is answered at once.
  const module = typeof options.module === 'string' ? findModule(course, options.module, language) : undefined;
  // Read-only: a corrupt file is moved aside by `start`, never by `list`.
  const { progress, warning } = await loadProgress(progressFilePath(io.env), { moveCorruptAside: false });
  if (warning) io.stderr.write(`${warning}\n`);
  const model = buildListModel(course, language, progressLookup(progress), await knownServer(options, io, course), {
    helped: (id) => isSolvedWithHelp(progress, id),
    ...(module ? { moduleIds: [module.id] } : {}),
  });
  io.stdout.write(options.json === true ? `${JSON.stringify(model, null, 2)}\n` : renderList(model, textStyle(io.stdout, io.env)));
  return 0;
};
