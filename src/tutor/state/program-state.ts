import type { ProgramLanguage } from '../../course/schema.js';

/** The end of a program's output the pane keeps: a screenful many times over, and a bound on a runaway loop's memory. */
export const PROGRAM_OUTPUT_LIMIT = 16 * 1024;

/** How the latest run of the learner's program went, for the pane's title. */
export type ProgramRunState =
  /** Nothing run yet since the exercise opened: the tutor waits for a save. */
  | { kind: 'waiting' }
  | { kind: 'running' }
  /** It ran and the checks judged it. */
  | { kind: 'checked'; exitCode: number | null; passed: boolean; ms: number }
  /** It did not get as far as the checks (a traceback, a syntax error, the time limit): `problem` says why, in English and Russian. */
  | { kind: 'failed'; exitCode: number | null; problem: { en: string; ru: string }; ms: number };

/** A program exercise on screen: the learner's file, the language, and what its latest run printed. */
export interface ProgramView {
  exerciseId: string;
  /** The learner's file in the workspace (absolute). */
  file: string;
  language: ProgramLanguage;
  /** The languages the exercise offers (the switch key cycles through them). */
  languages: ProgramLanguage[];
  /** The file was made from the starter when the exercise opened. */
  created: boolean;
  run: ProgramRunState;
  /** The latest run's output so far, as the program printed it (only its end is kept). */
  output: string;
  /** The editor the learner is in (the screen says so until it closes), else undefined. */
  editor: string | undefined;
  /** Runs the checks judged since the exercise opened: from the first, the checklist shows the program's verdicts. */
  runs: number;
}

export type ProgramAction =
  | { type: 'program-opened'; view: Omit<ProgramView, 'run' | 'output' | 'runs' | 'editor'> }
  | { type: 'program-editor'; editor: string | undefined }
  | { type: 'program-closed' }
  | { type: 'program-run-started'; exerciseId: string }
  | { type: 'program-output'; exerciseId: string; text: string }
  | { type: 'program-run-ended'; exerciseId: string; run: Exclude<ProgramRunState, { kind: 'waiting' | 'running' }> };

/** Pure: the program part of the state after an action. Actions about another exercise (a late run) change nothing. */
export function programReducer(view: ProgramView | undefined, action: ProgramAction): ProgramView | undefined {
  switch (action.type) {
    case 'program-opened':
      return { ...action.view, run: { kind: 'waiting' }, output: '', runs: 0, editor: undefined };
    case 'program-editor':
      return view ? { ...view, editor: action.editor } : view;
    case 'program-closed':
      return undefined;
    case 'program-run-started':
      return view?.exerciseId === action.exerciseId ? { ...view, run: { kind: 'running' }, output: '' } : view;
    case 'program-output':
      return view?.exerciseId === action.exerciseId ? { ...view, output: keepEnd(view.output + action.text) } : view;
    case 'program-run-ended':
      return view?.exerciseId === action.exerciseId ? { ...view, run: action.run, runs: view.runs + (action.run.kind === 'checked' ? 1 : 0) } : view;
  }
}

/** An exercise opened (again, after :reset or a recovery): the same exercise's file stays, its verdicts go with the old sandbox. */
export function programOnOpen(view: ProgramView | undefined, exerciseId: string): ProgramView | undefined {
  return view?.exerciseId === exerciseId ? { ...view, runs: 0 } : undefined;
}

function keepEnd(text: string): string {
  return text.length > PROGRAM_OUTPUT_LIMIT ? text.slice(-PROGRAM_OUTPUT_LIMIT) : text;
}

export function isProgramAction(action: { type: string }): action is ProgramAction {
  return action.type.startsWith('program-');
}
