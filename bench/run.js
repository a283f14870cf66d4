#!/usr/bin/env node
// `npm run bench`: speed figures, printed with their targets. Not a test: the
// machines are shared and noisy, so nothing here fails a build.
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mixedCommands } from './mixed-commands.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'redis-tutor.js');
const only = process.argv.slice(2);
/** @param {string} name */
const wanted = (name) => only.length === 0 || only.includes(name);

/**
 * A module of the built program in dist/ (`npm run build` first). Its type is
 * unknown here: each caller casts it to the source module it is compiled from.
 * @param {string} path under dist/
 * @returns {Promise<unknown>}
 */
const loadBuilt = (path) => import(join(root, 'dist', path));

const { startPrivateServer } = /** @type {typeof import('../src/redis/acquire.js')} */ (await loadBuilt('redis/acquire.js'));

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
/** @param {number[]} values @param {number} p */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
/** @param {number} value */
const ms = (value) => `${value.toFixed(1)} ms`;
/** @param {string} label @param {string} value @param {string} [target] */
function line(label, value, target) {
  console.log(`  ${label.padEnd(44)} ${value.padStart(12)}${target ? `   (target ${target})` : ''}`);
}

/**
 * The private server's password for redis-cli and `redis-tutor cli -p`, as REDISCLI_AUTH (read by both, no warning).
 * @param {{ spec: { password?: string } }} target
 */
const authEnv = (target) => ({ ...process.env, REDISCLI_AUTH: target.spec.password ?? '' });

/**
 * @param {string} command @param {string[]} args @param {string} input @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ ms: number, bytes: number }>}
 */
async function timeCommand(command, args, input, env = process.env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'], env });
    let bytes = 0;
    child.stdout.on('data', (/** @type {Buffer} */ chunk) => (bytes += chunk.length));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve({ ms: performance.now() - started, bytes }) : reject(new Error(`${command} exited ${code}`))));
    child.stdin.end(input);
  });
}

/**
 * Time until the first byte of output: how long a learner waits for the first reply.
 * @param {string} command @param {string[]} args @param {string} input @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<number>}
 */
async function timeToFirstOutput(command, args, input, env = process.env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'], env });
    /** @type {number | undefined} */
    let first;
    child.stdout.once('data', () => (first = performance.now() - started));
    child.on('error', reject);
    child.on('close', () => resolve(first ?? NaN));
    child.stdin.end(input);
  });
}

async function benchStartup() {
  console.log('start-up');
  /** @type {number[]} */
  const versionRuns = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [bin, '--version']);
    if (result.status !== 0) throw new Error('redis-tutor --version failed');
    versionRuns.push(performance.now() - started);
  }
  line('redis-tutor --version (median of 10)', ms(median(versionRuns)), '< 150 ms');

  /** @type {number[]} */
  const serverRuns = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const target = await startPrivateServer({ handleSignals: false });
    serverRuns.push(performance.now() - started);
    await target.release();
  }
  line('private redis-server up (median of 5)', ms(median(serverRuns)));

  const target = await startPrivateServer({ handleSignals: false });
  try {
    /** @type {number[]} */
    const firstReply = [];
    for (let i = 0; i < 10; i++) {
      firstReply.push(await timeToFirstOutput(process.execPath, [bin, 'cli', '-p', String(target.spec.port)], 'ping\n', authEnv(target)));
    }
    line('cli first reply, server already up (median)', ms(median(firstReply)), '< 300 ms');
  } finally {
    await target.release();
  }
  /** @type {number[]} */
  const cold = [];
  for (let i = 0; i < 5; i++) cold.push(await timeToFirstOutput(process.execPath, [bin, 'cli'], 'ping\n'));
  line('cli first reply incl. private server start', ms(median(cold)));

  line('no Redis anywhere: time to the error', ms(await timeToNoRedisError()), '< 3 s');
}

/**
 * acquireRedis() with no URL, no redis-server on PATH and a Docker client
 * (this machine's, if it has one) whose engine does not answer: how long a
 * person without Redis waits to be told the three ways to get one.
 */
async function timeToNoRedisError() {
  const { mkdtempSync, rmSync, symlinkSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { acquireRedis } = /** @type {typeof import('../src/redis/acquire.js')} */ (await loadBuilt('redis/acquire.js'));
  const { findOnPath } = /** @type {typeof import('../src/redis/find-redis-server.js')} */ (await loadBuilt('redis/find-redis-server.js'));
  const bin = mkdtempSync(join(tmpdir(), 'redis-tutor-bench-no-redis-'));
  try {
    const docker = findOnPath('docker', process.env);
    if (docker) symlinkSync(docker, join(bin, 'docker'));
    const started = performance.now();
    const outcome = await acquireRedis({ env: { PATH: bin }, handleSignals: false }).then(
      (target) => target.release().then(() => 'a Redis'),
      () => 'the error',
    );
    if (outcome !== 'the error') throw new Error('acquireRedis found a Redis with nothing on PATH');
    return performance.now() - started;
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

/** The RESP parser on large input: linear in it (re-joining the held bytes on every chunk would copy ~32 GB for the 8 MB bulk). */
async function benchParser() {
  console.log('resp parser: large input');
  const { RespParser } = /** @type {typeof import('../src/resp/parser.js')} */ (await loadBuilt('resp/parser.js'));
  /** @param {Buffer} wire @param {number} size */
  const chunked = (wire, size) => Array.from({ length: Math.ceil(wire.length / size) }, (_, i) => wire.subarray(i * size, (i + 1) * size));
  /** @param {Buffer[]} chunks */
  const parseMs = (chunks) => {
    let replies = 0;
    const parser = new RespParser(() => replies++);
    const started = performance.now();
    for (const chunk of chunks) parser.feed(chunk);
    const elapsed = performance.now() - started;
    if (replies === 0) throw new Error('the parser gave no reply');
    return elapsed;
  };
  const payload = Buffer.alloc(8 << 20, 0x61);
  const bulk = Buffer.concat([Buffer.from(`$${payload.length}\r\n`), payload, Buffer.from('\r\n')]);
  line('8 MB bulk string in 1 KB chunks', ms(parseMs(chunked(bulk, 1024))), '< 2 s');
  const array = Buffer.from(`*200000\r\n${':7\r\n'.repeat(200_000)}`);
  line('200,000-element array in 4 KB chunks', ms(parseMs(chunked(array, 4096))), '< 2 s');
  const pipelined = Buffer.from('*2\r\n$5\r\nvalue\r\n:12345\r\n'.repeat(20_000));
  line('20,000 pipelined replies in 64 KB chunks', ms(parseMs(chunked(pipelined, 65536))), '< 1 s');
}

async function benchCliPipe() {
  console.log('cli pipe: 20,000 mixed commands, --no-raw, same server');
  const input = mixedCommands(20_000);
  const target = await startPrivateServer({ handleSignals: false });
  try {
    const port = String(target.spec.port);
    const env = authEnv(target);
    const rounds = 3;
    /** @type {number[]} */
    const ours = [];
    /** @type {number[]} */
    const theirs = [];
    for (let round = 0; round < rounds; round++) {
      spawnSync('redis-cli', ['-p', port, 'flushall'], { env });
      theirs.push((await timeCommand('redis-cli', ['-p', port, '--no-raw'], input, env)).ms);
      spawnSync('redis-cli', ['-p', port, 'flushall'], { env });
      ours.push((await timeCommand(process.execPath, [bin, 'cli', '-p', port, '--no-raw'], input, env)).ms);
    }
    const a = median(ours);
    const b = median(theirs);
    line('redis-cli --no-raw (median of 3)', ms(b));
    line('redis-tutor cli --no-raw (median of 3)', ms(a));
    line('ratio redis-tutor / redis-cli', `${(a / b).toFixed(2)}x`, '<= 1.5x');
  } finally {
    await target.release();
  }
}

async function benchEngine() {
  console.log('engine: every exercise of the course, reference solution on the private server');
  const { loadCourse } = /** @type {typeof import('../src/course/load.js')} */ (await loadBuilt('course/load.js'));
  const { Engine } = /** @type {typeof import('../src/engine/engine.js')} */ (await loadBuilt('engine/engine.js'));
  const { connectRespLearner } = /** @type {typeof import('../src/engine/default-learner.js')} */ (await loadBuilt('engine/default-learner.js'));
  const { course } = await loadCourse();
  const target = await startPrivateServer({ handleSignals: false });
  const engine = await Engine.open(target, { connectLearner: connectRespLearner });
  /** @type {number[]} */
  const checks = [];
  /** @type {number[]} */
  const resets = [];
  /** @type {number[]} */
  const restarts = [];
  let exercises = 0;
  try {
    for (const module of course.modules) {
      for (const exercise of module.exercises) {
        const attempt = await engine.startAttempt(exercise);
        await attempt.runScript(exercise.solutionLines);
        await attempt.evaluate();
        // Measure a settled evaluation, as after a learner's command.
        for (let i = 0; i < 5; i++) {
          const started = performance.now();
          await attempt.evaluate({ wait: false });
          checks.push(performance.now() - started);
        }
        const reset = await engine.resetSandbox();
        (reset.restartedServer ? restarts : resets).push(reset.ms);
        exercises++;
      }
    }
  } finally {
    await engine.close();
    await target.release();
  }
  line(`exercises`, String(exercises));
  line('checks after solution p50', ms(percentile(checks, 50)));
  line('checks after solution p99', ms(percentile(checks, 99)), '<= 5 ms');
  line(`sandbox reset p50 (${resets.length} resets)`, ms(percentile(resets, 50)));
  line('sandbox reset p99', ms(percentile(resets, 99)), '<= 10 ms');
  if (restarts.length > 0) {
    line(`reset by fresh restart after persistence (${restarts.length})`, ms(median(restarts)));
  }
}

async function benchGrade() {
  console.log('grade: every reference solution as a submission');
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { loadCourse } = /** @type {typeof import('../src/course/load.js')} */ (await loadBuilt('course/load.js'));
  const { course } = await loadCourse();
  const submission = mkdtempSync(join(tmpdir(), 'redis-tutor-bench-submission-'));
  let answers = 0;
  for (const module of course.modules) {
    mkdirSync(join(submission, module.id));
    for (const exercise of module.exercises) {
      writeFileSync(join(submission, module.id, `${exercise.localId}.redis`), exercise.solution);
      answers++;
    }
  }
  try {
    /** @type {number[]} */
    const elapsedByJobs = [];
    for (const jobs of [1, 2]) {
      const started = performance.now();
      const result = spawnSync(process.execPath, [bin, 'grade', submission, '--reporter', 'json', '--jobs', String(jobs)], { encoding: 'utf8' });
      const elapsed = performance.now() - started;
      if (result.status !== 0) throw new Error(`grading the reference solutions failed (exit ${result.status}):\n${result.stderr}`);
      line(`grade ${answers} reference solutions, --jobs ${jobs}`, ms(elapsed), jobs === 1 ? '< 10 s' : undefined);
      elapsedByJobs.push(elapsed);
    }
    const [one = NaN, two = NaN] = elapsedByJobs;
    line('ratio --jobs 2 / --jobs 1', `${(two / one).toFixed(2)}x`, '< 1x');
  } finally {
    rmSync(submission, { recursive: true, force: true });
  }
}

/**
 * A class of 30: copies of examples/submission graded in class mode (one
 * process, lanes opened once) against 30 separate `grade` processes, one
 * after another and two at a time (a shell loop, `xargs -P2`).
 */
async function benchClass() {
  const students = 30;
  console.log(`grade a class: ${students} copies of examples/submission`);
  const { cpSync, mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-bench-class-'));
  const classDir = join(scratch, 'class');
  const folders = Array.from({ length: students }, (_, index) => join(classDir, `student-${String(index + 1).padStart(2, '0')}`));
  for (const folder of folders) cpSync(join(root, 'examples', 'submission'), folder, { recursive: true });
  /** @param {string[]} args @returns {Promise<number>} */
  const grade = (args) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [bin, 'grade', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (/** @type {Buffer} */ chunk) => (stderr += chunk.toString()));
      child.on('error', reject);
      // examples/submission has wrong answers on purpose: exit 1 is a graded submission.
      child.on('close', (code) => (code === 0 || code === 1 ? resolve(code) : reject(new Error(`redis-tutor grade ${args.join(' ')} exited ${code}:\n${stderr}`))));
    });
  try {
    /** @param {number} parallel */
    const separately = async (parallel) => {
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          while (next < folders.length) await grade([/** @type {string} */ (folders[next++]), '--reporter', 'json']);
        }),
      );
      return performance.now() - started;
    };
    const oneByOne = await separately(1);
    line(`${students} grade processes, one after another`, ms(oneByOne));
    const twoAtATime = await separately(2);
    line(`${students} grade processes, two at a time`, ms(twoAtATime));
    /** @type {Record<number, number>} */
    const classByJobs = {};
    for (const jobs of [1, 2]) {
      const started = performance.now();
      await grade(['--class', classDir, '--output-dir', join(scratch, `out-${jobs}`), '--jobs', String(jobs)]);
      classByJobs[jobs] = performance.now() - started;
      line(`grade --class (${students} students), --jobs ${jobs}`, ms(classByJobs[jobs]));
    }
    line('ratio class --jobs 1 / processes one by one', `${((classByJobs[1] ?? NaN) / oneByOne).toFixed(2)}x`, '< 0.5x');
    line('ratio class --jobs 2 / processes two at a time', `${((classByJobs[2] ?? NaN) / twoAtATime).toFixed(2)}x`, '< 0.5x');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The issue's figure: 30 students × 20 exercises (the first 20 typed
 * reference solutions of the bundled course, no program answers) graded
 * in class mode, one process, with --jobs 1, 2 and 4; and where the time
 * goes: starting Node.js and loading the course, the sandbox resets, the
 * answers and the checks (from the reports' timings), and the rest.
 */
async function benchClass20() {
  const students = 30;
  const perStudent = 20;
  console.log(`grade a class: ${students} students × ${perStudent} exercises (reference solutions)`);
  const { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { loadCourse } = /** @type {typeof import('../src/course/load.js')} */ (await loadBuilt('course/load.js'));
  const { GradeReportSchema } = /** @type {typeof import('../src/results/report-model.js')} */ (await loadBuilt('results/report-model.js'));
  const { course } = await loadCourse();
  const picked = course.modules.flatMap((module) => module.exercises.filter((exercise) => exercise.solution !== '' && !exercise.requires && !module.requires).map((exercise) => ({ module, exercise }))).slice(0, perStudent);
  const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-bench-class20-'));
  const classDir = join(scratch, 'class');
  for (let index = 1; index <= students; index++) {
    for (const { module, exercise } of picked) {
      const dir = join(classDir, `student-${String(index).padStart(2, '0')}`, module.id);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${exercise.localId}.redis`), exercise.solution);
    }
  }
  try {
    for (const jobs of [1, 2, 4]) {
      const out = join(scratch, `out-${jobs}`);
      const started = performance.now();
      const result = spawnSync(process.execPath, [bin, 'grade', '--class', classDir, '--output-dir', out, '--jobs', String(jobs)], { encoding: 'utf8' });
      const elapsed = performance.now() - started;
      if (result.status !== 0) throw new Error(`grade --class exited ${result.status}:\n${result.stderr}`);
      line(`grade --class, --jobs ${jobs}`, ms(elapsed), jobs === 2 ? '<= 5 s' : undefined);
      if (jobs !== 1) continue;
      // Where one lane's time goes (--jobs 1: the exercises run one after another).
      let answers = 0;
      let checks = 0;
      let total = 0;
      for (let index = 1; index <= students; index++) {
        const report = GradeReportSchema.parse(JSON.parse(readFileSync(join(out, `student-${String(index).padStart(2, '0')}.json`), 'utf8')));
        for (const module of report.modules) {
          for (const grade of module.exercises) {
            if (!grade.timings) continue;
            answers += grade.timings.answerMs;
            checks += grade.timings.checksMs;
            total += grade.timings.totalMs;
          }
        }
      }
      line('  exercises: sandbox reset and setup', ms(total - answers - checks));
      line('  exercises: answers', ms(answers));
      line('  exercises: checks', ms(checks));
      line('  the rest: Node.js, course, servers, reports', ms(elapsed - total));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `project test` on variant 1's reference solution (Python and JavaScript),
 * the whole command as a learner runs it: Node.js, a private server, five
 * stages of runs. Median of five; and how much is the stages themselves
 * (the --json report's timings).
 */
async function benchProject() {
  console.log("project test: variant 1's reference solution, all five stages");
  const { pythonWithRedis } = await import('./program-watch.js');
  const env = { ...process.env, REDIS_TUTOR_PYTHON: pythonWithRedis() };
  for (const language of ['python', 'javascript']) {
    const folder = join(root, 'projects', '01-visit-counter', 'solutions', language, '5-connection-errors');
    /** @type {number[]} */
    const totals = [];
    /** @type {number[]} */
    const stages = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const result = spawnSync(process.execPath, [bin, 'project', 'test', folder, '--json'], { encoding: 'utf8', env });
      totals.push(performance.now() - started);
      if (result.status !== 0) throw new Error(`project test on ${folder} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
      const parsed = /** @type {unknown} */ (JSON.parse(result.stdout));
      const report = /** @type {{ stages: Array<{ timings?: { totalMs: number } }> }} */ (parsed);
      stages.push(report.stages.reduce((sum, stage) => sum + (stage.timings?.totalMs ?? 0), 0));
    }
    line(`project test, ${language}, median of 5`, ms(median(totals)));
    line('  of which the stages', ms(median(stages)));
  }
}

const sections = { project: benchProject, startup: benchStartup, 'cli-pipe': benchCliPipe, 'resp-parser': benchParser, engine: benchEngine, grade: benchGrade, class: benchClass, 'class-20': benchClass20, 'program-watch': async () => (await import('./program-watch.js')).benchProgramWatch(root), labs: async () => (await import('./labs.js')).benchLabs(root) };
for (const [name, run] of Object.entries(sections)) {
  if (wanted(name)) await run();
}
