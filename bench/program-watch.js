// `npm run bench program-watch`: from a save of the learner's file to the updated checklist, in the TUI's own watch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const EXERCISE = 'getting-started/first-program';
const SAVES = 30;

/** @param {number[]} values @param {number} p */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
/** @param {number} value */
const ms = (value) => `${value.toFixed(1)} ms`;
/** @param {string} label @param {string} value @param {string} [target] */
function line(label, value, target) {
  console.log(`  ${label.padEnd(44)} ${value.padStart(12)}${target ? `   (target ${target})` : ''}`);
}

/** A python3 that has redis-py: the one on PATH, else Debian's. */
export function pythonWithRedis() {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import redis']).status === 0) return python;
  }
  throw new Error('no python3 with redis-py (apt-get install python3-redis, or pip install redis)');
}

/**
 * Saves of a small Python program (the first-program solution) while the
 * TUI's ProgramWatch follows the exercise: the time from the write to the
 * store's checklist being the program's verdict, and how long Python alone
 * takes to start and import redis-py.
 * @param {string} root the repository
 */
export async function benchProgramWatch(root) {
  console.log(`program watch: ${SAVES} saves of ${EXERCISE} (Python) to the updated checklist`);
  /**
   * A module of the built program (`npm run build` first), cast below to the source module it comes from.
   * @param {string} path under dist/
   * @returns {Promise<unknown>}
   */
  const built = (path) => import(join(root, 'dist', path));
  const { startPrivateServer } = /** @type {typeof import('../src/redis/acquire.js')} */ (await built('redis/acquire.js'));
  const { Supervisor } = /** @type {typeof import('../src/engine/supervisor.js')} */ (await built('engine/supervisor.js'));
  const { Engine } = /** @type {typeof import('../src/engine/engine.js')} */ (await built('engine/engine.js'));
  const { connectRespLearner } = /** @type {typeof import('../src/engine/default-learner.js')} */ (await built('engine/default-learner.js'));
  const { loadCourse } = /** @type {typeof import('../src/course/load.js')} */ (await built('course/load.js'));
  const { AppStore } = /** @type {typeof import('../src/tutor/state/store.js')} */ (await built('tutor/state/store.js'));
  const { initialState } = /** @type {typeof import('../src/tutor/state/app-state.js')} */ (await built('tutor/state/app-state.js'));
  const { ProgressStore } = /** @type {typeof import('../src/progress/progress-store.js')} */ (await built('progress/progress-store.js'));
  const { emptyProgress } = /** @type {typeof import('../src/progress/progress-file.js')} */ (await built('progress/progress-file.js'));
  const { ProgramWatch } = /** @type {typeof import('../src/tutor/program-watch.js')} */ (await built('tutor/program-watch.js'));
  const { tuiProgramRuns } = /** @type {typeof import('../src/projects/tui-program-runs.js')} */ (await built('projects/tui-program-runs.js'));
  const { redisWhere } = /** @type {typeof import('../src/tutor/redis-where.js')} */ (await built('tutor/redis-where.js'));
  const { chooseInterpreters } = /** @type {typeof import('../src/programs/interpreters.js')} */ (await built('programs/interpreters.js'));

  const python = pythonWithRedis();
  /** @param {string[]} args */
  const timePython = (args) => {
    const times = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      spawnSync(python, args);
      times.push(performance.now() - started);
    }
    return times;
  };
  const bare = timePython(['-c', 'pass']);
  const starts = timePython(['-c', 'import redis']);
  // The same Python inside the containment every program answer runs in (src/programs/contain-process.ts).
  const { runProgram } = /** @type {typeof import('../src/programs/run-program.js')} */ (await built('programs/run-program.js'));
  /** @param {string} code */
  const timeContained = async (code) => {
    const times = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      const program = { command: python, args: ['-c', code], missingHint: '' };
      await runProgram({ program, cwd: tmpdir(), env: { PATH: process.env.PATH ?? '' }, timeoutMs: 10_000, outputLimitBytes: 1 << 20, keepBytes: 1 << 10, handleSignals: false });
      times.push(performance.now() - started);
    }
    return times;
  };
  const containedBare = await timeContained('pass');
  const containedImport = await timeContained('import redis');

  const { course } = await loadCourse();
  const workspace = mkdtempSync(join(tmpdir(), 'redis-tutor-bench-workspace-'));
  const target = await startPrivateServer({ handleSignals: false });
  const supervisor = await Supervisor.open(target, { openEngine: (on) => Engine.open(on, { connectLearner: connectRespLearner }) });
  const store = new AppStore(initialState({ language: 'en', progress: emptyProgress(), progressSaved: false, redis: redisWhere(target), panelVisible: false }));
  const env = { ...process.env, REDIS_TUTOR_PYTHON: python };
  const runs = tuiProgramRuns({ supervisor, env, cwd: workspace, workspace, interpreters: chooseInterpreters({}, env) });
  // What each run's grade says of its time: the program (answerMs) and the checks.
  /** @type {Array<{ answerMs: number, checksMs: number, totalMs: number }>} */
  const phases = [];
  const measured = {
    ...runs,
    /** @type {typeof runs.run} */
    run: async (where, file, hooks) => {
      const outcome = await runs.run(where, file, hooks);
      if (outcome.timings !== undefined) phases.push(outcome.timings);
      return outcome;
    },
  };
  const watch = new ProgramWatch({ store, course, runs: measured, progressStore: new ProgressStore(undefined) });
  /** @param {(state: ReturnType<typeof store.getState>) => boolean} check */
  const until = (check) =>
    new Promise((resolve) => {
      if (check(store.getState())) return resolve(undefined);
      const stop = store.subscribe(() => {
        if (!check(store.getState())) return;
        stop();
        resolve(undefined);
      });
    });
  /** @type {number[]} */
  const times = [];
  try {
    store.dispatch({ type: 'exercise-opened', exerciseId: EXERCISE });
    await until((state) => state.program !== undefined);
    const file = store.getState().program?.file ?? '';
    const exercise = course.modules.flatMap((module) => module.exercises).find((candidate) => candidate.id === EXERCISE);
    const solution = readFileSync(exercise?.program?.python?.solutionPath ?? '', 'utf8');
    for (let i = 0; i < SAVES; i++) {
      const started = performance.now();
      // Each save differs (a comment), as a learner's would.
      writeFileSync(file, `${solution}\n# save ${i}\n`);
      await until((state) => (state.program?.runs ?? 0) === i + 1 && state.program?.run.kind === 'checked');
      times.push(performance.now() - started);
      if (store.getState().result?.passed !== true) throw new Error(`save ${i}: the solution did not pass`);
    }
  } finally {
    await watch.close();
    await supervisor.close();
    await target.release();
    rmSync(workspace, { recursive: true, force: true });
  }
  line('save to checklist p50', ms(percentile(times, 50)), '<= 250 ms');
  line('save to checklist p99', ms(percentile(times, 99)), '<= 500 ms');
  const answer = phases.map((phase) => phase.answerMs);
  const checks = phases.map((phase) => phase.checksMs);
  const graded = phases.map((phase) => phase.totalMs);
  line('  the grading (reset, program, checks) p50', ms(percentile(graded, 50)));
  line('  the program under the tap p50', ms(percentile(answer, 50)));
  line('  the checks p50', ms(percentile(checks, 50)));
  line('  the rest: watch event, reset and setup p50', ms(percentile(times, 50) - percentile(answer, 50) - percentile(checks, 50)));
  line('python3 -c pass alone, p50', ms(percentile(bare, 50)));
  line('python3 -c "import redis" alone, p50', ms(percentile(starts, 50)));
  line('  the same in the answers\' containment, p50', ms(percentile(containedImport, 50)));
  line('python3 -c pass in the containment, p50', ms(percentile(containedBare, 50)));
}
