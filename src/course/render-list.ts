import type { ChalkInstance } from 'chalk';
import type { ListModel } from './list-model.js';
import type { ExerciseStatus } from './progress-slot.js';
import { PLAIN } from './text-style.js';

const STATUS_MARK: Record<ExerciseStatus, string> = { new: '[ ]', started: '[~]', solved: '[x]' };

/** The `list` text: modules with progress, then their exercises with ids to pass to `show` and `start`. */
export function renderList(model: ListModel, style: ChalkInstance = PLAIN): string {
  if (model.modules.length === 0) return 'No exercises found.\n';
  const idWidth = Math.max(...model.modules.flatMap((module) => module.exercises.map((exercise) => exercise.id.length)));
  const lines: string[] = [];
  for (const module of model.modules) {
    const progress = `${module.solvedCount}/${module.exerciseCount} solved`;
    const needs = module.requires ? style.dim(`  (needs ${module.requires})`) : '';
    lines.push(`${style.bold(module.title)}  ${style.dim(module.id)}  ${progress}${needs}`);
    lines.push(`  ${style.dim(module.summary.trim())}`);
    for (const exercise of module.exercises) {
      const mark = exercise.status === 'solved' ? style.green(STATUS_MARK.solved) : STATUS_MARK[exercise.status];
      lines.push(`  ${mark} ${style.cyan(exercise.id.padEnd(idWidth))}  ${exercise.title}`);
    }
    lines.push('');
  }
  lines.push(`${model.solvedCount}/${model.exerciseCount} exercises solved. Read one with: redis-tutor show <id>`);
  return `${lines.join('\n')}\n`;
}
