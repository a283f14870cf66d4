import { programLanguages, type Course, type Language, type LoadedExercise } from '../course/schema.js';
import { localize } from '../course/localize.js';
import { parseInline, spansText } from '../markdown/inline.js';
import type { Progress } from '../progress/progress-file.js';
import { markHelped } from '../progress/progress-updates.js';
import { placeOf } from './course-nav.js';
import type { PromptServices } from './prompt-services.js';
import type { ScreenUpdates } from './screen-updates.js';
import { texts } from './texts.js';
import type { TutorCommand } from './tutor-commands.js';

/** What a tutor command may do; the controller provides it. */
export interface TutorCommandActions {
  screen: ScreenUpdates;
  course: Course;
  services: PromptServices;
  saveProgress(progress: Progress): void;
  reset(exerciseId: string): Promise<void>;
  check(): Promise<void>;
  next(): Promise<void>;
  prev(): Promise<void>;
  menu(): void;
  setLanguage(language: Language): void;
}

/** The learner said yes to seeing the solution. */
export type RevealSolution = { name: 'reveal-solution' };

/** Carries out one `:` command of the TUI (see ./tutor-commands.ts for the words). */
export async function runTutorCommand(command: TutorCommand | RevealSolution, actions: TutorCommandActions): Promise<void> {
  const { screen } = actions;
  const state = screen.state;
  const t = texts(state.language);
  const exercise = state.exerciseId ? placeOf(actions.course, state.exerciseId)?.exercise : undefined;
  switch (command.name) {
    case 'hint': {
      if (!exercise) return;
      const shown = state.hintsShown;
      const hint = exercise.hints[shown];
      if (!hint) {
        screen.say('tutor', t.noMoreHints);
        return;
      }
      screen.dispatch({ type: 'hint-shown' });
      screen.say('tutor', t.hintLabel(shown + 1, exercise.hints.length) + spansText(parseInline(localize(hint, state.language))));
      return;
    }
    case 'solution':
      // Solved already: the record stays as it is (markHelped), so there is no "counts as solved with help" to warn about.
      if (exercise && state.progress.exercises[exercise.id]?.status === 'solved') return runTutorCommand({ name: 'reveal-solution' }, actions);
      screen.dispatch({ type: 'confirm', question: 'solution' });
      return;
    case 'reveal-solution':
      if (!exercise) return;
      actions.saveProgress(markHelped(state.progress, exercise.id));
      // A program exercise may have no redis-cli lines: its solutions are files, named instead.
      screen.say('tutor', t.solutionLabel, ...(exercise.solution !== '' ? exercise.solution.replace(/\n$/, '').split('\n') : programSolutionFiles(exercise)).map((line) => `  ${line}`));
      return;
    case 'reset':
      if (exercise) await actions.reset(exercise.id);
      return;
    case 'check':
      return actions.check();
    case 'next':
      return actions.next();
    case 'prev':
      return actions.prev();
    case 'menu':
      return actions.menu();
    case 'lang': {
      const language = command.language ?? (state.language === 'en' ? 'ru' : 'en');
      actions.setLanguage(language);
      screen.say('tutor', texts(language).languageSet);
      return;
    }
    case 'panel':
      screen.dispatch({ type: 'toggle-panel' });
      return;
    case 'help':
      screen.say('tutor', ...t.help);
      return;
    case 'quit':
      screen.dispatch({ type: 'confirm', question: 'quit' });
      return;
    case 'reset-progress':
      screen.dispatch({ type: 'confirm', question: 'reset-progress' });
      return;
    case 'set-hints':
      actions.services.hintsEnabled = command.on;
      return;
    case 'unknown':
      screen.say('tutor', t.unknownTutorCommand(command.text));
      return;
  }
}

function programSolutionFiles(exercise: LoadedExercise): string[] {
  return programLanguages(exercise.program).flatMap((language) => exercise.program?.[language]?.solutionPath ?? []);
}
