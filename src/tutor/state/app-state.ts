import type { PromptMode } from '../prompt-mode.js';
import type { Language } from '../../course/schema.js';
import type { ExerciseResult } from '../../results/check-result.js';
import type { KeySnapshot } from '../../data-panel/key-snapshot.js';
import type { Progress } from '../../progress/progress-file.js';
import type { RedisWhere } from '../redis-where.js';
import type { ProgramView } from './program-state.js';
import type { TopologyPanel } from './topology-panel.js';

/**
 * Everything the screens show, as plain data. Only the reducer changes it;
 * the session controller (../session/tutor-session.ts) turns engine results
 * into actions, and the screens only read it and call the controller.
 */
export type Screen = 'home' | 'exercise';

export type TranscriptKind =
  /** What the learner typed, after the prompt string. */
  | 'input'
  /** A Redis reply, exactly as redis-cli prints it. */
  | 'reply'
  /** Subscribe-mode messages as they arrive. */
  | 'message'
  /** The tutor playing the other client. */
  | 'actor'
  /** The tutor talking: hints, the solution, help, notices. */
  | 'tutor'
  /** A short dim note under a Redis error (did you mean…, the syntax). */
  | 'note'
  | 'warning';

export interface TranscriptLine {
  id: number;
  kind: TranscriptKind;
  text: string;
}

/** What the prompt line does now: the modes of ../prompt-mode.ts. */
export type { PromptMode };

/** A yes/no question that takes over the prompt until answered. */
export type Confirmation = 'solution' | 'quit' | 'reset-progress' | 'restart-server';

export interface AppState {
  screen: Screen;
  language: Language;
  /** Row selected on the home screen (see ../home-rows.ts). */
  homeCursor: number;
  /** Module ids expanded on the home screen. */
  expandedModule: string | undefined;
  exerciseId: string | undefined;
  /** The latest evaluation of the current exercise; undefined until the first one. */
  result: ExerciseResult | undefined;
  /** This attempt passed every check (sticky until the exercise changes or is reset). */
  solvedNow: boolean;
  /**
   * The learner has entered a line in this exercise (a command, `:check`):
   * only then does a failing check show what was expected and found, so the
   * checklist does not give the answer away before the first try.
   */
  tried: boolean;
  transcript: TranscriptLine[];
  nextLineId: number;
  promptMode: PromptMode;
  /** A typed line is being carried out; lines typed meanwhile wait their turn, even at a ready prompt. */
  lineRunning: boolean;
  /** A blocking command (BLPOP, XREAD BLOCK…) is waiting for its reply: the prompt line says Ctrl-C cancels. */
  waitingForReply: boolean;
  /** The redis-cli prompt string, e.g. `127.0.0.1:6379> `. */
  promptText: string;
  confirm: Confirmation | undefined;
  hintsShown: number;
  /** The data panel's latest read; pictures are laid out at render time, for the width there is. */
  panel: PanelData | undefined;
  panelVisible: boolean;
  /**
   * The learner showed or hid the panel (`:panel`): their choice stands.
   * Until then the panel follows the terminal width, shown from
   * MIN_COLUMNS_FOR_DEFAULT_PANEL columns up.
   */
  panelChosen: boolean;
  lessonScroll: number;
  progress: Progress;
  /**
   * The progress shown is on disk: saving is on (not `--fresh`) and the last
   * save succeeded. Only then may the screens say "saved".
   */
  progressSaved: boolean;
  /** Why the last save failed, while saves keep failing (undefined with --fresh or once a save succeeds). */
  progressSaveError: string | undefined;
  /** The Redis in use, for the status line (which says it in the learner's language). */
  redis: RedisWhere;
  /** A message for the status line (a warning, "restarting Redis..."). */
  notice: { text: string; tone: 'info' | 'warning' | 'error' } | undefined;
  /** Milliseconds from Enter to the checklist update, for the last command. */
  lastCheckMs: number | undefined;
  /** A program exercise: the learner's file and its latest run (./program-state.ts). */
  program: ProgramView | undefined;
  quitting: boolean;
}

export interface PanelData {
  snapshots: KeySnapshot[];
  /** The exercise's own keys (shown even when missing). */
  pinned: string[];
  /** A lab (an exercise with `topology:`): its servers, shown instead of keys. */
  topology?: TopologyPanel;
}

export const TRANSCRIPT_LIMIT = 400;

/** From this many columns the data panel is shown unless the learner chose otherwise. */
export const MIN_COLUMNS_FOR_DEFAULT_PANEL = 100;

export function initialState(options: {
  language: Language;
  progress: Progress;
  progressSaved: boolean;
  redis: RedisWhere;
  panelVisible: boolean;
  notice?: AppState['notice'];
}): AppState {
  return {
    screen: 'home',
    language: options.language,
    homeCursor: 0,
    expandedModule: undefined,
    exerciseId: undefined,
    result: undefined,
    solvedNow: false,
    tried: false,
    transcript: [],
    nextLineId: 1,
    promptMode: 'starting',
    lineRunning: false,
    waitingForReply: false,
    promptText: '> ',
    confirm: undefined,
    hintsShown: 0,
    panel: undefined,
    panelVisible: options.panelVisible,
    panelChosen: false,
    lessonScroll: 0,
    progress: options.progress,
    progressSaved: options.progressSaved,
    progressSaveError: undefined,
    redis: options.redis,
    notice: options.notice,
    lastCheckMs: undefined,
    program: undefined,
    quitting: false,
  };
}
