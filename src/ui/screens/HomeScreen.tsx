import { Box, useInput } from 'ink';
import { courseTexts } from '../../course/course-texts.js';
import { localize } from '../../course/localize.js';
import { buildListModel, type ListModel } from '../../course/list-model.js';
import { truncateToWidth, padToWidth } from '../../markdown/text-width.js';
import { progressLookup } from '../../progress/progress-updates.js';
import { homeRows, type HomeRow } from '../home-rows.js';
import { placeOf, resumePlace } from '../../tutor/course-nav.js';
import type { ExerciseProgress } from '../../progress/progress-file.js';
import type { ChalkInstance } from 'chalk';
import { texts } from '../../tutor/texts.js';
import { useAppState, useTerminalSize, useTui } from '../tui-context.js';
import { Lines } from '../components/Lines.js';
import { StatusLine } from '../components/StatusLine.js';
import { ConfirmLine } from '../components/ConfirmLine.js';
import { KeyLine } from '../components/KeyLine.js';

/** The module list: progress per module, "continue" first, Enter opens, q quits. */
export function HomeScreen() {
  const { course, chalk, store, controller, server } = useTui();
  const state = useAppState();
  const { columns, rows } = useTerminalSize();
  const t = texts(state.language);
  const model = buildListModel(course, state.language, progressLookup(state.progress), server);
  const items = homeRows(course, state.progress, state.expandedModule);
  // The ◀ marks where "Continue" goes, so the two never disagree.
  const next = resumePlace(course, state.progress)?.exercise.id;
  const cursor = Math.min(state.homeCursor, Math.max(0, items.length - 1));

  useInput(
    (input, key) => {
      // Read the store, not this render's copy: keys typed faster than a frame must each count.
      const now = store.getState();
      if (now.confirm) return;
      const rowsNow = homeRows(course, now.progress, now.expandedModule);
      const at = Math.min(now.homeCursor, Math.max(0, rowsNow.length - 1));
      if (key.upArrow || input === 'k') store.dispatch({ type: 'home-cursor', cursor: Math.max(0, at - 1) });
      else if (key.downArrow || input === 'j') store.dispatch({ type: 'home-cursor', cursor: Math.min(rowsNow.length - 1, at + 1) });
      else if (key.return) void activate(rowsNow[at]);
      else if (input === 'q' || (key.ctrl && input === 'c')) store.dispatch({ type: 'confirm', question: 'quit' });
      else if (input === 'l') controller?.setLanguage(state.language === 'en' ? 'ru' : 'en');
    },
    { isActive: state.screen === 'home' },
  );

  const activate = async (row: HomeRow | undefined) => {
    if (!row) return;
    if (row.kind === 'continue' || row.kind === 'exercise') await controller?.openExercise(row.exerciseId);
    else {
      // The cursor stays on the module: closing another module above it must not slide it into this one's list.
      const now = store.getState();
      const expanded = now.expandedModule === row.moduleId ? undefined : row.moduleId;
      const at = homeRows(course, now.progress, expanded).findIndex((other) => other.kind === 'module' && other.moduleId === row.moduleId);
      store.dispatchAll([
        { type: 'toggle-module', moduleId: row.moduleId },
        { type: 'home-cursor', cursor: Math.max(0, at) },
      ]);
    }
  };

  const frameRows = Math.max(7, rows - 1);
  // Title and a blank row above; the remedy or a blank row, the legend, the keys and the status line below.
  const listRows = frameRows - 6;
  const barWidth = columns >= 100 ? 20 : 10;
  const lines = items.map((row, index) => {
    const selected = index === cursor;
    const pointer = selected ? chalk.bold('› ') : '  ';
    let text: string;
    if (row.kind === 'continue') {
      const place = placeOf(course, row.exerciseId);
      const title = place ? `${localize(place.module.title, state.language)} › ${localize(place.exercise.title, state.language)}` : row.exerciseId;
      text = chalk.bold((row.first ? t.startCourse : t.continue)(title));
    } else if (row.kind === 'module') {
      const module = model.modules.find((m) => m.id === row.moduleId);
      if (!module) return '';
      const here = next?.startsWith(`${module.id}/`) ? chalk.cyan(' ◀') : '';
      const filled = module.exerciseCount === 0 ? 0 : Math.round((module.solvedCount / module.exerciseCount) * barWidth);
      const bar = chalk.green('█'.repeat(filled)) + chalk.dim('░'.repeat(barWidth - filled));
      const count = `${module.solvedCount}/${module.exerciseCount}`.padStart(5);
      const title = `${String(module.number).padStart(2, '0')} ${module.title}`;
      const titleWidth = Math.max(10, columns - barWidth - 14);
      const done = module.solvedCount === module.exerciseCount && module.exerciseCount > 0;
      text = `${row.expanded ? '▾' : '▸'} ${padToWidth(truncateToWidth(title, titleWidth), titleWidth)} ${bar} ${done ? chalk.green(count) : count}${here}`;
    } else {
      const module = model.modules.find((m) => m.id === row.moduleId);
      const exercise = module?.exercises.find((e) => e.id === row.exerciseId);
      if (!exercise) return '';
      const entry = state.progress.exercises[exercise.id];
      const icon = exerciseMark(entry, chalk);
      const here = next === exercise.id ? chalk.cyan(' ◀') : '';
      // A server that cannot run it is said on the row; the way to one that can, under the list when the row is selected.
      const cannot = exercise.cannotRun ? chalk.yellow(`  ✗ ${courseTexts(state.language).cannotRunHere(exercise.cannotRun.reason)}`) : '';
      text = `    ${icon} ${String(exercise.number).padStart(2, '0')} ${exercise.title}${here}${cannot}`;
    }
    return pointer + (selected ? chalk.inverse(' ') + ' ' : '') + text;
  });
  // Keep the cursor in view.
  const start = Math.max(0, Math.min(cursor - Math.floor(listRows / 2), lines.length - listRows));
  const total = `${model.solvedCount}/${model.exerciseCount}`;
  const title = `${chalk.bold.red('redis-tutor')}  ${chalk.dim(total)}`;
  const remedy = cannotRunRemedy(model, items[cursor]);
  const remedyLine = remedy !== undefined ? chalk.yellow(truncateToWidth(remedy, columns)) : '';
  return (
    <Box flexDirection="column" height={frameRows} width={columns}>
      <Lines lines={[title, '']} height={2} width={columns} />
      <Lines lines={lines.slice(start, start + listRows)} height={listRows} width={columns} />
      <Lines lines={[remedyLine, chalk.dim(truncateToWidth(t.homeLegend, columns))]} height={2} width={columns} />
      {state.confirm ? <ConfirmLine /> : <KeyLine text={t.homeKeys} />}
      <StatusLine />
    </Box>
  );
}

/** ✓ solved, ✱ solved after looking at the solution, ◐ started, · not yet: the legend under the list says which. */
function exerciseMark(entry: ExerciseProgress | undefined, chalk: ChalkInstance): string {
  if (entry?.status === 'solved') return entry.withHelp ? chalk.cyan('✱') : chalk.green('✓');
  return entry?.status === 'started' ? chalk.yellow('◐') : chalk.dim('·');
}

/** How to get a server that runs the selected exercise, when this one cannot. */
function cannotRunRemedy(model: ListModel, row: HomeRow | undefined): string | undefined {
  if (row?.kind !== 'exercise') return undefined;
  const exercise = model.modules.find((m) => m.id === row.moduleId)?.exercises.find((e) => e.id === row.exerciseId);
  return exercise?.cannotRun?.remedy;
}
