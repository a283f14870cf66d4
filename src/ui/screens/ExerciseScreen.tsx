import { Box, Text, useInput } from 'ink';
import { useMemo } from 'react';
import { localize } from '../../course/localize.js';
import { chalkTheme } from '../../markdown/chalk-theme.js';
import { renderMarkdown } from '../../markdown/render-markdown.js';
import { checklistLines } from '../components/checklist-lines.js';
import { ConfirmLine } from '../components/ConfirmLine.js';
import { DataPanel } from '../components/DataPanel.js';
import { KeyLine } from '../components/KeyLine.js';
import { Lines } from '../components/Lines.js';
import { PromptLine } from '../components/PromptLine.js';
import { fitPane, programPane } from '../components/program-pane.js';
import { useProgramKeys } from '../components/use-program-keys.js';
import { programTexts } from '../../tutor/program-texts.js';
import { StatusLine } from '../components/StatusLine.js';
import { exerciseLayout, hardWrap, leftWidthFor, replyWrap, textWidthFor, wordWrap } from '../layout.js';
import { nextPlace, placeOf } from '../../tutor/course-nav.js';
import type { TranscriptLine } from '../../tutor/state/app-state.js';
import { texts } from '../../tutor/texts.js';
import { useAppState, useTerminalSize, useTui } from '../tui-context.js';
import type { ChalkInstance } from 'chalk';

/** Lines PgUp / PgDn move the lesson by. */
const LESSON_PAGE = 5;
/** Fewer lesson rows than this is no way to read it: paging into the lesson then folds the task. */
const MIN_READABLE_LESSON_ROWS = 6;

/** Where you are, the lesson, the task, the live checklist, the transcript and the prompt; the data panel on the right. */
export function ExerciseScreen() {
  const { course, chalk, store, controller } = useTui();
  const state = useAppState();
  const { columns, rows } = useTerminalSize();
  const t = texts(state.language);
  const place = state.exerciseId ? placeOf(course, state.exerciseId) : undefined;

  useInput(
    (_input, key) => {
      if (key.pageUp) store.dispatch({ type: 'scroll-lesson', by: -LESSON_PAGE });
      else if (key.pageDown) store.dispatch({ type: 'scroll-lesson', by: LESSON_PAGE });
    },
    { isActive: state.screen === 'exercise' && !state.confirm },
  );
  // Outside the prompt (monitor mode, a restart), Ctrl-C still reaches the controller.
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') void controller?.interrupt();
    },
    { isActive: state.screen === 'exercise' && !state.confirm && (state.promptMode === 'monitoring' || state.promptMode === 'recovering') },
  );

  useProgramKeys();

  const theme = useMemo(() => chalkTheme(chalk), [chalk]);
  const isLast = place ? nextPlace(course, place.exercise.id) === undefined : false;
  // Wrapped before the rows are shared out, so a long hint gets the rows it needs.
  const allTranscript = transcriptLines(state.transcript, columns, chalk);
  // A program exercise: the learner's file and its latest run's output where the transcript goes, the transcript under it.
  const pane = state.program ? programPane(state.program, allTranscript, columns, chalk, state.language) : undefined;
  const plan = (panelVisible: boolean) => {
    const leftWidth = leftWidthFor(columns, panelVisible);
    const textWidth = textWidthFor(columns, panelVisible);
    const checks = checklistLines({ result: state.result, solvedNow: state.solvedNow, tried: state.tried, isLast, language: state.language, lastCheckMs: state.lastCheckMs, width: leftWidth, chalk, t });
    const task = place ? renderMarkdown(localize(place.exercise.task, state.language), { width: textWidth - 2, theme }) : [];
    const layoutFor = (taskLines: number) => exerciseLayout({ rows, columns, panelVisible, taskLines, checkLines: checks.length, transcriptLines: pane ? pane.head.length + pane.body.length : allTranscript.length });
    return { textWidth, checks, task, layout: layoutFor(task.length), layoutFor };
  };
  const withPanel = plan(state.panelVisible);
  // The task is never cut: where the panel leaves it no room, the panel gives way (`:panel` choice or not).
  const { textWidth, checks, task, layout: whole, layoutFor } = state.panelVisible && !withPanel.layout.taskFits ? plan(false) : withPanel;
  const lesson = useMemo(
    () => (place ? renderMarkdown(localize(place.exercise.lesson, state.language), { width: textWidth, theme }) : []),
    [place, state.language, textWidth, theme],
  );
  // A long task on a small terminal leaves the lesson a row or two: once the learner pages into the
  // lesson, the task folds to a line and the lesson takes its rows; back at the top the task is whole again.
  const folded = whole.lessonRows < MIN_READABLE_LESSON_ROWS && lesson.length > whole.lessonRows && state.lessonScroll > 0;
  const layout = folded ? layoutFor(1) : whole;
  if (!place) return null;

  const solvedBefore = state.progress.exercises[place.exercise.id];
  // The same marks as the module list: ✓ solved, ✱ solved with help.
  const badge =
    !state.solvedNow && solvedBefore?.status === 'solved'
      ? solvedBefore.withHelp
        ? chalk.cyan(` ✱ ${t.solvedWithHelp}`)
        : chalk.green(` ✓ ${t.alreadySolved}`)
      : '';
  const header =
    chalk.bold.red('redis-tutor') +
    chalk.dim(' › ') +
    localize(place.module.title, state.language) +
    chalk.dim(' › ') +
    chalk.bold(localize(place.exercise.title, state.language)) +
    chalk.dim(`  ${t.exerciseOf(place.position, place.module.exercises.length)}`) +
    badge;

  // The first PgDn that folds the task shows the lesson from its top, in the rows it gained.
  const scroll = Math.min(folded ? state.lessonScroll - LESSON_PAGE : state.lessonScroll, Math.max(0, lesson.length - layout.lessonRows));
  const lessonLines = lesson.slice(scroll, scroll + layout.lessonRows);
  if (lesson.length > layout.lessonRows && layout.lessonRows > 0) {
    const more = scroll + layout.lessonRows < lesson.length ? '▼ PgDn' : '▲ PgUp';
    lessonLines[layout.lessonRows - 1] = chalk.dim(`${more} ${scroll + layout.lessonRows}/${lesson.length}`);
  }
  // No row left for the lesson: its way in is said on the task's title.
  const taskTitle = chalk.bold(t.task) + (layout.lessonRows === 0 && lesson.length > 0 ? chalk.dim(`  ▼ PgDn ${t.lesson}`) : '');
  const taskLines = folded ? [taskTitle, chalk.dim(`  ${t.taskFolded}`)] : [taskTitle, ...task.map((line) => `  ${line}`)];
  const transcript = pane ? fitPane(pane, layout.transcriptRows) : allTranscript.slice(-layout.transcriptRows);

  let promptArea;
  if (state.confirm) promptArea = <ConfirmLine />;
  // redis-cli shows nothing here; a learner new to MONITOR needs to know how it ends.
  else if (state.promptMode === 'monitoring') promptArea = <Text>{chalk.dim(t.monitorKeys)}</Text>;
  else if (state.promptMode === 'recovering') promptArea = <Text>{chalk.dim(t.reconnecting)}</Text>;
  // Mounted while a command runs too, so what is typed ahead is kept (and shown once the prompt is back).
  // In subscribe mode it takes UNSUBSCRIBE lines (the prompt-mode machine drops the rest).
  else promptArea = <PromptLine active={state.screen === 'exercise'} shown={state.promptMode === 'ready' || state.promptMode === 'subscribed'} width={columns} />;
  // Beside the hidden prompt (still mounted for typing ahead and Ctrl-C) while a blocking command waits.
  if (!state.confirm && state.promptMode === 'busy' && state.waitingForReply) promptArea = <>{promptArea}<Text>{chalk.dim(t.waitingForReply)}</Text></>;

  return (
    <Box flexDirection="column" height={layout.frameRows} width={columns}>
      <Lines lines={[header]} height={1} width={columns} />
      <Box flexDirection="row" height={layout.upperRows}>
        <Box flexDirection="column" width={layout.leftWidth} height={layout.upperRows}>
          <Lines lines={lessonLines} height={layout.lessonRows} width={layout.leftWidth} />
          <Lines lines={taskLines} height={layout.taskRows} width={layout.leftWidth} />
          <Lines lines={checks} height={layout.checkRows} width={layout.leftWidth} />
        </Box>
        {layout.panelWidth > 0 ? (
          <Box marginLeft={1} width={layout.panelWidth} height={layout.upperRows} flexDirection="column">
            <DataPanel data={state.panel} width={layout.panelWidth} height={layout.upperRows} t={t} language={state.language} />
          </Box>
        ) : null}
      </Box>
      <Lines lines={transcript} height={layout.transcriptRows} width={columns} />
      <Box height={1} width={columns} overflow="hidden">
        {promptArea}
      </Box>
      <KeyLine text={state.program ? programTexts(state.language).keys(state.program.languages) : t.exerciseKeys} />
      <StatusLine />
    </Box>
  );
}

/**
 * Transcript entries as screen lines, styled by kind. The tutor's own prose
 * (hints, the solution, notices, the other client's lines) wraps at word
 * boundaries; what Redis printed wraps at spaces too, continuation lines
 * hanging under their item (replyWrap); the typed line wraps by column, as
 * a line editor's does.
 */
export function transcriptLines(lines: readonly TranscriptLine[], width: number, chalk: ChalkInstance): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const style =
      line.kind === 'tutor'
        ? chalk.cyan
        : line.kind === 'actor'
          ? chalk.magenta
          : line.kind === 'warning'
            ? chalk.yellow
            : line.kind === 'note'
              ? chalk.dim
              : (text: string) => text;
    const prose = line.kind === 'tutor' || line.kind === 'actor' || line.kind === 'warning' || line.kind === 'note';
    const wrap = prose ? wordWrap : line.kind === 'input' ? hardWrap : replyWrap;
    for (const part of wrap(line.text, width)) out.push(style(part));
  }
  return out;
}
