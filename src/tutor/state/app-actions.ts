import type { RedisWhere } from '../redis-where.js';
import type { Language } from '../../course/schema.js';
import type { ExerciseResult } from '../../results/check-result.js';
import type { Progress } from '../../progress/progress-file.js';
import type { SaveOutcome } from '../../progress/progress-store.js';
import type { ProgramAction } from './program-state.js';
import type { AppState, Confirmation, PanelData, PromptMode, TranscriptKind } from './app-state.js';

export type AppAction =
  | { type: 'home'; cursor?: number }
  | { type: 'home-cursor'; cursor: number }
  | { type: 'toggle-module'; moduleId: string }
  | { type: 'exercise-opened'; exerciseId: string }
  | { type: 'attempt-reset' }
  /** source 'program': a run of the learner's program was judged (on a program exercise, the prompt's own evaluations give way). */
  | { type: 'evaluated'; result: ExerciseResult; ms?: number; source?: 'program' }
  | { type: 'append'; lines: Array<{ kind: TranscriptKind; text: string }> }
  | { type: 'clear-transcript' }
  | { type: 'prompt-mode'; mode: PromptMode; /** A typed line is being carried out (its reply may still come). */ lineRunning?: boolean }
  | { type: 'prompt-text'; text: string }
  | { type: 'waiting-for-reply'; waiting: boolean }
  | { type: 'confirm'; question: Confirmation | undefined }
  | { type: 'hint-shown' }
  | { type: 'panel'; panel: PanelData | undefined }
  | { type: 'toggle-panel' }
  /** The terminal is this wide now (at mount and after each resize). */
  | { type: 'terminal-width'; columns: number }
  | { type: 'scroll-lesson'; by: number }
  | { type: 'progress'; progress: Progress }
  /** How a save of the progress ended (the file's merged progress, or why it failed). */
  | { type: 'progress-save'; outcome: SaveOutcome }
  | { type: 'language'; language: Language }
  | { type: 'notice'; notice: AppState['notice'] }
  | { type: 'redis'; redis: RedisWhere }
  | { type: 'quit' }
  | ProgramAction;
