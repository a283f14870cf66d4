import type { AppAction } from './app-actions.js';
import { MIN_COLUMNS_FOR_DEFAULT_PANEL, TRANSCRIPT_LIMIT, type AppState } from './app-state.js';
import { afterSave } from './after-save.js';
import { isProgramAction, programOnOpen, programReducer } from './program-state.js';

/** The only place AppState changes. Pure, so every screen state can be built in a test. */
export function appReducer(state: AppState, action: AppAction): AppState {
  if (isProgramAction(action)) return { ...state, program: programReducer(state.program, action) };
  switch (action.type) {
    case 'home':
      return { ...state, screen: 'home', confirm: undefined, ...(action.cursor !== undefined ? { homeCursor: action.cursor } : {}) };
    case 'home-cursor':
      return { ...state, homeCursor: Math.max(0, action.cursor) };
    case 'toggle-module':
      return { ...state, expandedModule: state.expandedModule === action.moduleId ? undefined : action.moduleId };
    case 'exercise-opened':
      return {
        ...state,
        screen: 'exercise',
        exerciseId: action.exerciseId,
        result: undefined,
        solvedNow: false,
        // The same exercise again (:reset, back from the menu, Redis restarted) keeps the try.
        tried: action.exerciseId === state.exerciseId && state.tried,
        transcript: [],
        hintsShown: 0,
        lessonScroll: 0,
        confirm: undefined,
        panel: undefined,
        lastCheckMs: undefined,
        program: programOnOpen(state.program, action.exerciseId),
      };
    case 'attempt-reset':
      return { ...state, result: undefined, solvedNow: false, panel: undefined };
    case 'evaluated':
      // A program exercise's checklist is its runs' verdicts: after the first look, the prompt's own evaluations
      // (its live refresh seeing what a crashed program left) would change it behind a traceback.
      if (action.source !== 'program' && state.program !== undefined && state.result !== undefined) return state;
      return {
        ...state,
        result: action.result,
        solvedNow: state.solvedNow || action.result.passed,
        ...(action.ms !== undefined ? { lastCheckMs: action.ms } : {}),
      };
    case 'append': {
      if (action.lines.length === 0) return state;
      let id = state.nextLineId;
      const added = action.lines.map((line) => ({ ...line, id: id++ }));
      const transcript = [...state.transcript, ...added];
      // An echoed line longer than the prompt is one the learner typed (an empty Enter echoes the prompt alone).
      const tried = state.tried || action.lines.some((line) => line.kind === 'input' && line.text.trim() !== state.promptText.trim());
      return { ...state, transcript: transcript.slice(-TRANSCRIPT_LIMIT), nextLineId: id, tried };
    }
    case 'clear-transcript':
      return { ...state, transcript: [] };
    case 'prompt-mode':
      return { ...state, promptMode: action.mode, lineRunning: action.lineRunning ?? false };
    case 'prompt-text':
      return { ...state, promptText: action.text };
    case 'waiting-for-reply':
      return { ...state, waitingForReply: action.waiting };
    case 'confirm':
      return { ...state, confirm: action.question };
    case 'hint-shown':
      return { ...state, hintsShown: state.hintsShown + 1 };
    case 'panel':
      return { ...state, panel: action.panel };
    case 'toggle-panel':
      return { ...state, panelVisible: !state.panelVisible, panelChosen: true };
    case 'terminal-width': {
      if (state.panelChosen) return state;
      const panelVisible = action.columns >= MIN_COLUMNS_FOR_DEFAULT_PANEL;
      return panelVisible === state.panelVisible ? state : { ...state, panelVisible };
    }
    case 'scroll-lesson':
      return { ...state, lessonScroll: Math.max(0, state.lessonScroll + action.by) };
    case 'progress':
      return { ...state, progress: action.progress };
    case 'progress-save':
      return afterSave(state, action.outcome);
    case 'language':
      return { ...state, language: action.language };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'redis':
      return { ...state, redis: action.redis };
    case 'quit':
      return { ...state, quitting: true };
  }
}
