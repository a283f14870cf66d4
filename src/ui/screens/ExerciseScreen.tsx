import { Box, Text, useInput } from 'ink';
import { useMemo } from 'react';
import { localize } from '../../course/localize.js';
import { chalkTheme } from '../../markdown/chalk-theme.js';
import { renderMarkdown } from '../../markdown/render-markdown.js';
import { checklistLines } from '../components/checklist-lines.js';
import { ConfirmLine } from '../components/ConfirmLine.js';
import { DataPanel } from '../components/DataPanel.js';
import { Lines } from '../components/Lines.js';
import { PromptLine } from '../components/PromptLine.js';
import { StatusLine } from '../components/StatusLine.js';
import { exerciseLayout, hardWrap, leftWidthFor, wordWrap } from '../layout.js';
import { nextPlace, placeOf } from '../../tutor/course-nav.js';
import type { TranscriptLine } from '../../tutor/state/app-state.js';
import { texts } from '../../tutor/texts.js';
import { useAppState, useTerminalSize, useTui } from '../tui-context.js';
import type { ChalkInstance } from 'chalk';

/** Where you are, the lesson, the task, the live checklist, the transcript and the prompt; the data panel on the right. */
export function ExerciseScreen() {
  const { course, chalk, store, controller } = useTui();
  const state = useAppState();
  const { columns, rows } = useTerminalSize();
  const t = texts(state.language);
  const place = state.exerciseId ? placeOf(course, state.exerciseId) : undefined;

  useInput(
    (_input, key) => {
      if (key.pageUp) store.dispatch({ type: 'scroll-lesson', by: -5 });
      else if (key.pageDown) store.dispatch({ type: 'scroll-lesson', by: 5 });
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

  const theme = useMemo(() => chalkTheme(chalk), [chalk]);
  const panelVisible = state.panelVisible;
  const leftWidth = leftWidthFor(columns, panelVisible);
  const checks = checklistLines({
    result: state.result,
    solvedNow: state.solvedNow,
    isLast: place ? nextPlace(course, place.exercise.id) === undefined : false,
    language: state.language,
    lastCheckMs: state.lastCheckMs,
    width: leftWidth,
    chalk,
    t,
  });
  // Wrapped before the rows are shared out, so a long hint gets the rows it needs.
  const allTranscript = transcriptLines(state.transcript, leftWidth, chalk);
  const textWidthAvail = leftWidth - 1;
  const task = place ? renderMarkdown(localize(place.exercise.task, state.language), { width: textWidthAvail - 2, theme }) : [];
  const layout = exerciseLayout({ rows, columns, panelVisible, taskLines: task.length, checkLines: checks.length, transcriptLines: allTranscript.length });
  const lesson = useMemo(
    () => (place ? renderMarkdown(localize(place.exercise.lesson, state.language), { width: textWidthAvail, theme }) : []),
    [place, state.language, textWidthAvail, theme],
  );
  if (!place) return null;

  const solvedBefore = state.progress.exercises[place.exercise.id];
  const badge = !state.solvedNow && solvedBefore?.status === 'solved' ? chalk.green(` ✓ ${solvedBefore.withHelp ? t.solvedWithHelp : t.alreadySolved}`) : '';
  const header =
    chalk.bold.red('redis-tutor') +
    chalk.dim(' › ') +
    localize(place.module.title, state.language) +
    chalk.dim(' › ') +
    chalk.bold(localize(place.exercise.title, state.language)) +
    chalk.dim(`  ${t.exerciseOf(place.position, place.module.exercises.length)}`) +
    badge;

  const scroll = Math.min(state.lessonScroll, Math.max(0, lesson.length - layout.lessonRows));
  const lessonLines = lesson.slice(scroll, scroll + layout.lessonRows);
  if (lesson.length > layout.lessonRows && layout.lessonRows > 0) {
    const more = scroll + layout.lessonRows < lesson.length ? '▼ PgDn' : '▲ PgUp';
    lessonLines[layout.lessonRows - 1] = chalk.dim(`${more} ${scroll + layout.lessonRows}/${lesson.length}`);
  }
  const taskLines = [chalk.bold(t.task), ...task.map((line) => `  ${line}`)];
  const transcript = allTranscript.slice(-layout.transcriptRows);
  const leftHeight = layout.frameRows - 2;

  let promptArea;
  if (state.confirm) promptArea = <ConfirmLine />;
  // redis-cli shows nothing here; a learner new to MONITOR needs to know how it ends.
  else if (state.promptMode === 'monitoring') promptArea = <Text>{chalk.dim(t.monitorKeys)}</Text>;
  else if (state.promptMode === 'recovering') promptArea = <Text>{chalk.dim(t.reconnecting)}</Text>;
  // Mounted while a command runs too, so what is typed ahead is kept (and shown once the prompt is back).
  // In subscribe mode it takes UNSUBSCRIBE lines (the prompt-mode machine drops the rest).
  else promptArea = <PromptLine active={state.screen === 'exercise'} shown={state.promptMode === 'ready' || state.promptMode === 'subscribed'} width={layout.leftWidth} />;
  // Beside the hidden prompt (still mounted for typing ahead and Ctrl-C) while a blocking command waits.
  if (!state.confirm && state.promptMode === 'busy' && state.waitingForReply) promptArea = <>{promptArea}<Text>{chalk.dim(t.waitingForReply)}</Text></>;

  return (
    <Box flexDirection="column" height={layout.frameRows} width={columns}>
      <Lines lines={[header]} height={1} width={columns} />
      <Box flexDirection="row" height={leftHeight}>
        <Box flexDirection="column" width={layout.leftWidth} height={leftHeight}>
          <Lines lines={lessonLines} height={layout.lessonRows} width={layout.leftWidth} />
          <Lines lines={taskLines} height={layout.taskRows} width={layout.leftWidth} />
          <Lines lines={checks} height={layout.checkRows} width={layout.leftWidth} />
          <Lines lines={transcript} height={layout.transcriptRows} width={layout.leftWidth} />
          <Box height={1} width={layout.leftWidth} overflow="hidden">
            {promptArea}
          </Box>
        </Box>
        {layout.panelWidth > 0 ? (
          <Box marginLeft={1} width={layout.panelWidth} height={leftHeight} flexDirection="column">
            <DataPanel data={state.panel} width={layout.panelWidth} height={leftHeight} t={t} language={state.language} />
          </Box>
        ) : null}
      </Box>
      <StatusLine />
    </Box>
  );
}

/**
 * Transcript entries as screen lines, styled by kind. What Redis printed is
 * cut by column as a terminal would; the tutor's own prose (hints, the
 * solution, notices, the other client's lines) wraps at word boundaries.
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
    for (const part of (prose ? wordWrap : hardWrap)(line.text, width)) out.push(style(part));
  }
  return out;
}
