import type { ChalkInstance } from 'chalk';
import type { ListExercise, ListModel } from './list-model.js';
import type { ExerciseStatus } from './progress-slot.js';
import { courseTexts } from './course-texts.js';
import { PLAIN } from './text-style.js';

const STATUS_MARK: Record<ExerciseStatus, string> = { new: '[ ]', started: '[~]', solved: '[x]' };
/** Solved after `:solution`: its own mark, so the list does not claim more than the learner did alone. */
const HELPED_MARK = '[h]';

/** The `list` text: modules with progress, then their exercises with ids to pass to `show` and `start`. */
export function renderList(model: ListModel, style: ChalkInstance = PLAIN): string {
  const t = courseTexts(model.language);
  if (model.modules.length === 0) return `${t.noExercises}\n`;
  const idWidth = Math.max(...model.modules.flatMap((module) => module.exercises.map((exercise) => exercise.id.length)));
  const lines: string[] = [];
  for (const module of model.modules) {
    const progress = t.solved(module.solvedCount, module.exerciseCount);
    const needs = module.needs !== undefined ? style.dim(`  ${t.needs(module.needs)}`) : '';
    lines.push(`${style.bold(module.title)}  ${style.dim(module.id)}  ${progress}${needs}`);
    lines.push(`  ${style.dim(module.summary.trim())}`);
    for (const exercise of module.exercises) {
      const mark = markOf(exercise, style);
      const note = exercise.cannotRun
        ? style.yellow(`  ✗ ${t.cannotRunHere(exercise.cannotRun.reason)}`)
        : exercise.runsBeside !== undefined
          ? style.dim(`  (${exercise.runsBeside})`)
          : exercise.needs !== undefined
          ? style.dim(`  ${t.needs(exercise.needs)}`)
          : '';
      lines.push(`  ${mark} ${style.cyan(exercise.id.padEnd(idWidth))}  ${exercise.title}${note}`);
    }
    lines.push('');
  }
  lines.push(t.totalSolved(model.solvedCount, model.exerciseCount));
  // The way to a server that can, once per way rather than on every marked line.
  const remedies = new Set(model.modules.flatMap((module) => module.exercises.flatMap((exercise) => (exercise.cannotRun ? [exercise.cannotRun.remedy] : []))));
  for (const remedy of remedies) lines.push(style.yellow(t.toRunThem(remedy)));
  const { legend } = t;
  lines.push(
    style.dim(`${STATUS_MARK.solved} ${legend.solved}  ${HELPED_MARK} ${legend.solvedWithHelp}  ${STATUS_MARK.started} ${legend.started}  ${STATUS_MARK.new} ${legend.new}`),
  );
  return `${lines.join('\n')}\n`;
}

function markOf(exercise: ListExercise, style: ChalkInstance): string {
  if (exercise.status !== 'solved') return STATUS_MARK[exercise.status];
  return style.green(exercise.withHelp === true ? HELPED_MARK : STATUS_MARK.solved);
}
