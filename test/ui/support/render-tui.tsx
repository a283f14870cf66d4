import { Chalk } from 'chalk';
import { render } from 'ink-testing-library';
import { join } from 'node:path';
import { loadCourse } from '../../../src/course/load.js';
import type { Course, Language } from '../../../src/course/schema.js';
import { emptyProgress, type Progress } from '../../../src/progress/progress-file.js';
import { EMPTY_COMMAND_TABLE, type CommandTable } from '../../../src/redis-cli/command-docs.js';
import { App } from '../../../src/ui/App.js';
import { promptServices } from '../../../src/tutor/prompt-services.js';
import type { AppAction } from '../../../src/tutor/state/app-actions.js';
import { initialState } from '../../../src/tutor/state/app-state.js';
import { AppStore } from '../../../src/tutor/state/store.js';
import type { Tui } from '../../../src/ui/tui-context.js';
import { repoRoot } from '../../e2e/support/compile-app.js';

export const FIXTURE_COURSE = join(repoRoot, 'test', 'fixtures', 'course-basic');

export async function fixtureCourse(): Promise<Course> {
  return (await loadCourse(FIXTURE_COURSE)).course;
}

/** A controller double: records what the screens asked for. */
export function recordingController() {
  const calls: Array<[string, ...unknown[]]> = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return Promise.resolve();
    };
  return {
    calls,
    controller: {
      openExercise: record('openExercise'),
      openModule: record('openModule'),
      submit: record('submit'),
      interrupt: record('interrupt'),
      answer: record('answer'),
      setLanguage: record('setLanguage'),
      menu: record('menu'),
      quit: record('quit'),
      refreshPanel: record('refreshPanel'),
    } as unknown as NonNullable<Tui['controller']>,
  };
}

export interface RenderedTui {
  store: AppStore;
  lastFrame(): string;
  frames: string[];
  stdin: { write(data: string): void };
  rerender(): void;
  unmount(): void;
  services: Tui['services'];
}

/** Renders the whole App at a fixed size, without colour (so frames compare as text). */
export function renderTui(options: {
  course: Course;
  columns?: number;
  rows?: number;
  language?: Language;
  progress?: Progress;
  actions?: AppAction[];
  controller?: Tui['controller'];
  table?: CommandTable;
  chalkLevel?: 0 | 1;
  /** The server's facts: the home screen marks the exercises it cannot run. */
  server?: Tui['server'];
}): RenderedTui {
  const store = new AppStore(
    initialState({
      language: options.language ?? 'en',
      progress: options.progress ?? emptyProgress(),
      progressSaved: true,
      redis: { kind: 'private', version: '7.0.15', address: '127.0.0.1:6390' },
      panelVisible: (options.columns ?? 100) >= 100,
    }),
  );
  for (const action of options.actions ?? []) store.dispatch(action);
  const tui: Tui = {
    store,
    controller: options.controller,
    course: options.course,
    chalk: new Chalk({ level: options.chalkLevel ?? 0 }),
    services: promptServices(options.table ?? EMPTY_COMMAND_TABLE),
    size: { columns: options.columns ?? 100, rows: options.rows ?? 30 },
    ...(options.server ? { server: options.server } : {}),
  };
  const instance = render(<App tui={tui} />);
  return {
    store,
    lastFrame: () => instance.lastFrame() ?? '',
    frames: instance.frames,
    stdin: instance.stdin,
    rerender: () => instance.rerender(<App tui={tui} />),
    unmount: instance.unmount,
    services: tui.services,
  };
}

/** Lets Ink render what the store just changed. */
export function tick(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
