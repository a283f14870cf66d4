import { Chalk } from 'chalk';
import { render } from 'ink-testing-library';
import { join } from 'node:path';
import { act } from 'react';
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
  /** The store as tests use it: what they dispatch is rendered, effects and all, before dispatch() returns. */
  store: Pick<AppStore, 'dispatch' | 'getState'>;
  lastFrame(): string;
  frames: string[];
  /** Keys in: handled, rendered and their effects run before write() returns. */
  stdin: { write(data: string): void };
  rerender(): void;
  unmount(): void;
  services: Tui['services'];
}

// React's act(): a change made inside it is rendered, and the effects it causes (Ink's input
// subscriptions, the layout's dispatches) run, before act() returns. Nothing is left to a timer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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
  let instance: ReturnType<typeof render> | undefined;
  act(() => {
    instance = render(<App tui={tui} />);
  });
  const rendered = instance as ReturnType<typeof render>;
  return {
    store: {
      dispatch: (action) => act(() => store.dispatch(action)),
      getState: () => store.getState(),
    },
    lastFrame: () => rendered.lastFrame() ?? '',
    frames: rendered.frames,
    stdin: { write: (data) => act(() => rendered.stdin.write(data)) },
    rerender: () => act(() => rendered.rerender(<App tui={tui} />)),
    unmount: () => act(() => rendered.unmount()),
    services: tui.services,
  };
}

/**
 * Lets React finish what is still pending (promise callbacks of the
 * controller and what they render) inside an act() scope: no clock involved.
 */
export async function tick(): Promise<void> {
  await act(async () => {});
}
