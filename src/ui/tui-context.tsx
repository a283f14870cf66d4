import type { ChalkInstance } from 'chalk';
import { createContext, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { useStdout } from 'ink';
import type { ServerFacts } from '../course/requirement-fit.js';
import type { Course } from '../course/schema.js';
import type { ProgramWatch } from '../tutor/program-watch.js';
import type { PromptServices } from '../tutor/prompt-services.js';
import type { TutorController } from '../tutor/tutor-controller.js';
import type { AppState } from '../tutor/state/app-state.js';
import type { AppStore } from '../tutor/state/store.js';

/** What every screen may use: the state (read), the controller (to act), the course, the styles. */
export interface Tui {
  store: AppStore;
  /** Undefined in component tests that only render. */
  controller: Pick<
    TutorController,
    'openExercise' | 'openModule' | 'submit' | 'interrupt' | 'answer' | 'setLanguage' | 'menu' | 'quit' | 'refreshPanel'
  > | undefined;
  course: Course;
  chalk: ChalkInstance;
  services: PromptServices;
  /** What the server in use is, so the home screen can mark exercises it cannot run; unknown in tests that only render. */
  server?: ServerFacts;
  /** Program exercises: the watch of the learner's file (its language key); the environment names their editor. */
  programs?: Pick<ProgramWatch, 'switchLanguage'>;
  env?: NodeJS.ProcessEnv;
  /** Fixed size for tests; otherwise the terminal's, following resizes. */
  size?: { columns: number; rows: number };
}

const TuiContext = createContext<Tui | undefined>(undefined);

export const TuiProvider = TuiContext.Provider;

export function useTui(): Tui {
  const tui = useContext(TuiContext);
  if (!tui) throw new Error('useTui outside <TuiProvider>');
  return tui;
}

export function useAppState(): AppState {
  const { store } = useTui();
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}

/** The terminal size, re-read on every resize so the frame is laid out again. */
export function useTerminalSize(): { columns: number; rows: number } {
  const { size } = useTui();
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [current, setCurrent] = useState(read);
  useEffect(() => {
    if (size) return;
    const onResize = () => setCurrent(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, size]);
  return size ?? current;
}

/** Re-renders every `ms` while `active` (TTL countdowns). */
export function useTicker(ms: number, active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms, active]);
  return active ? now : Date.now();
}
