import type { Course } from '../course/schema.js';
import type { Progress } from '../progress/progress-file.js';
import { resumePlace } from '../tutor/course-nav.js';

/** One selectable line of the home screen. */
export type HomeRow =
  | { kind: 'continue'; exerciseId: string; first: boolean }
  | { kind: 'module'; moduleId: string; expanded: boolean }
  | { kind: 'exercise'; moduleId: string; exerciseId: string };

/** "Continue" first (the default action), then the modules, with the open module's exercises under it. */
export function homeRows(course: Course, progress: Progress, expandedModule: string | undefined): HomeRow[] {
  const rows: HomeRow[] = [];
  const resume = resumePlace(course, progress);
  if (resume) rows.push({ kind: 'continue', exerciseId: resume.exercise.id, first: progress.last === undefined });
  for (const module of course.modules) {
    const expanded = module.id === expandedModule;
    rows.push({ kind: 'module', moduleId: module.id, expanded });
    if (expanded) for (const exercise of module.exercises) rows.push({ kind: 'exercise', moduleId: module.id, exerciseId: exercise.id });
  }
  return rows;
}
