import type { ChalkInstance } from 'chalk';
import { render } from 'ink';
import type { ServerFacts } from '../course/requirement-fit.js';
import type { Course } from '../course/schema.js';
import type { Io } from '../io.js';
import { App } from './App.js';
import type { ProgramWatch } from '../tutor/program-watch.js';
import type { PromptServices } from '../tutor/prompt-services.js';
import type { TutorController } from '../tutor/tutor-controller.js';
import type { AppStore } from '../tutor/state/store.js';

/** Alternate screen buffer: the tutor takes the whole terminal and gives it back untouched, like less or vim. */
const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';

export interface RunTuiOptions {
  io: Io;
  store: AppStore;
  controller: TutorController;
  course: Course;
  chalk: ChalkInstance;
  services: PromptServices;
  /** The server's facts, for marking the exercises it cannot run (../course/requirement-fit.ts). */
  server?: ServerFacts;
  programs?: ProgramWatch;
  /** Runs once the frame is up (open the first exercise). */
  onMounted?: () => void;
}

/** Mounts the app and resolves when the learner has quit. */
export async function runTui(options: RunTuiOptions): Promise<void> {
  const { io } = options;
  io.stdout.write(ENTER_ALT_SCREEN);
  const instance = render(
    <App
      tui={{
        store: options.store,
        controller: options.controller,
        course: options.course,
        chalk: options.chalk,
        services: options.services,
        ...(options.server ? { server: options.server } : {}),
        ...(options.programs ? { programs: options.programs } : {}),
        env: io.env,
      }}
    />,
    {
      stdin: io.stdin as NodeJS.ReadStream,
      stdout: io.stdout as NodeJS.WriteStream,
      stderr: io.stderr as NodeJS.WriteStream,
      exitOnCtrlC: false,
      patchConsole: false,
    },
  );
  const stop = () => options.controller.quit();
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  try {
    options.onMounted?.();
    await instance.waitUntilExit();
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGHUP', stop);
    instance.cleanup();
    io.stdout.write(LEAVE_ALT_SCREEN);
  }
}
