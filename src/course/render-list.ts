import type { ChalkInstance } from 'chalk';
import type { ListModel } from './list-model.js';
import type { ExerciseStatus } from './progress-slot.js';
import { courseTexts } from './course-texts.js';
import { PLAIN } from './text-style.js';

const STATUS_MARK: Record<ExerciseStatus, string> = { new: '[ ]', started: '[~]', solved: '[x]' };

/** The `list` text: modules with progress, then their exercises with ids to pass to `show` and `start`. */
export function renderList(model: ListModel, style: ChalkInstance = PLAIN): string {
  const t = courseTexts(model.language);
  if (model.modules.length === 0) return `${t.noExercises}\n`;
  const idWidth = Math.max(...model.modules.flatMap((module) => module.exercises.map((exercise) => exercise.id.length)));
  const lines: string[] = [];
  for (const module of model.modules) {
    const progress = t.solved(module.solvedCount, module.exerciseCount);
    const needs = module.requires ? style.dim(`  ${t.needs(module.requires)}`) : '';
    lines.push(`${style.bold(module.title)}  ${style.dim(module.id)}  ${progress}${needs}`);
    lines.push(`  ${style.dim(module.summary.trim())}`);
    for (const exercise of module.exercises) {
      const mark = exercise.status === 'solved' ? style.green(STATUS_MARK.solved) : STATUS_MARK[exercise.status];
      lines.push(`  ${mark} ${style.cyan(exercise.id.padEnd(idWidth))}  ${exercise.title}`);
    }
    lines.push('');
  }
  lines.push(t.totalSolved(model.solvedCount, model.exerciseCount));
  return `${lines.join('\n')}\n`;
}
