import type { GradeReport } from '../../../src/results/report-model.js';

/**
 * A fixed report with every case a reporter meets: passed, failed checks,
 * a timeout with line errors, a program with output (escape sequences and
 * characters XML cannot hold included), several answers, not submitted,
 * skipped, a module with no answer at all, and stray files.
 */
export const SAMPLE_REPORT: GradeReport = {
  schemaVersion: 2,
  tool: { name: 'redis-tutor', version: '0.1.0' },
  submission: 'students/anna',
  server: 'private redis-server 7.0.15 on 127.0.0.1:40000',
  timeoutSeconds: 10,
  jobs: 1,
  durationMs: 1234,
  score: { passed: 1, failed: 4, notSubmitted: 3, skipped: 1, total: 8 },
  modules: [
    {
      id: 'basics',
      title: { en: 'Basics', ru: 'Основы' },
      score: { passed: 1, failed: 4, notSubmitted: 1, skipped: 1, total: 6 },
      exercises: [
        {
          id: 'basics/counter',
          exercise: 'counter',
          title: { en: 'A counter', ru: 'Счётчик' },
          status: 'passed',
          answer: { path: 'basics/counter.redis', kind: 'redis' },
          checks: [
            { index: 0, description: { en: 'views:home is 3', ru: 'views:home равен 3' }, passed: true },
            { index: 1, description: { en: 'Counted with INCR', ru: 'Подсчёт командой INCR' }, passed: true },
          ],
          timings: { answerMs: 2.5, checksMs: 1.2, totalMs: 12.3 },
        },
        {
          id: 'basics/greeting',
          exercise: 'greeting',
          title: { en: 'A greeting', ru: 'Приветствие' },
          status: 'failed',
          answer: { path: 'basics/greeting.redis', kind: 'redis' },
          checks: [
            // Values quoted from Redis read the same in both languages; the engine's words are translated.
            { index: 0, description: { en: 'greeting is "hello" & <friendly>', ru: 'greeting равен "hello" & <дружелюбно>' }, passed: false, expected: { en: '"hello"', ru: '"hello"' }, found: { en: '"hi"', ru: '"hi"' } },
            { index: 1, description: { en: 'Only SET was used', ru: 'Использована только SET' }, passed: false, error: { en: 'NOPERM this user has no permissions', ru: 'NOPERM this user has no permissions' } },
            {
              index: 2,
              description: { en: 'greeting expires within a minute', ru: 'greeting истекает в течение минуты' },
              passed: false,
              expected: { en: 'TTL between 1 and 60 s', ru: 'TTL от 1 до 60 с' },
              found: { en: 'no expiry', ru: 'без срока жизни' },
            },
            {
              index: 3,
              description: { en: 'The greeting was set with SET … NX', ru: 'Приветствие записано командой SET … NX' },
              passed: false,
              expected: { en: 'you use SET … NX', ru: 'команда SET … NX' },
              found: { en: 'you ran SET greeting hi (no NX)', ru: 'вы выполнили SET greeting hi (нет NX)' },
            },
          ],
          lineErrors: [{ line: 2, text: 'SETT greeting hi', error: "ERR unknown command 'SETT', with args beginning with: 'greeting' 'hi' " }],
          timings: { answerMs: 3, checksMs: 2, totalMs: 15 },
        },
        {
          id: 'basics/queue',
          exercise: 'queue',
          title: { en: 'A queue', ru: 'Очередь' },
          status: 'failed',
          answer: { path: 'basics/queue.redis', kind: 'redis' },
          problem: { code: 'timeout', message: 'the answer did not finish within 10 s (line 3: BLPOP jobs 0)', seconds: 10, line: 3, command: 'BLPOP jobs 0' },
          checks: [],
          timings: { answerMs: 10001, checksMs: 0, totalMs: 10250.5 },
        },
        {
          id: 'basics/worker',
          exercise: 'worker',
          title: { en: 'A worker', ru: 'Обработчик' },
          status: 'failed',
          answer: { path: 'basics/worker.py', kind: 'program' },
          problem: { code: 'exit-code', message: 'the program exited with code 1', exitCode: 1 },
          checks: [{ index: 0, description: { en: 'jobs is empty', ru: 'jobs пуст' }, passed: true }],
          output: {
            exitCode: 1,
            signal: null,
            text: 'processing job-1\n\u001b[31mTraceback (most recent call last):\u001b[0m\n  KeyError: \u0000\u0007 %0A:, "done"\n',
            bytes: 96,
            truncated: false,
          },
          timings: { answerMs: 80, checksMs: 1, totalMs: 95 },
        },
        {
          id: 'basics/profile',
          exercise: 'profile',
          title: { en: 'A profile | in a hash', ru: 'Профиль | в хеше' },
          status: 'failed',
          problem: {
            code: 'several-answers',
            message: 'more than one file answers this exercise (basics/profile.py, basics/profile.redis); keep one',
            files: ['basics/profile.py', 'basics/profile.redis'],
          },
          checks: [],
        },
        {
          id: 'basics/persistence',
          exercise: 'persistence',
          title: { en: 'Persistence', ru: 'Персистентность' },
          status: 'skipped',
          answer: { path: 'basics/persistence.redis', kind: 'redis' },
          skipReason: 'needs a server redis-tutor starts itself (FLUSHALL, SAVE, restarts); this one came from --url. Run redis-tutor without --url: it starts its own redis-server (sudo apt-get install redis-server, or brew install redis).',
          checks: [],
        },
        {
          id: 'basics/sets',
          exercise: 'sets',
          title: { en: 'Sets', ru: 'Множества' },
          status: 'not-submitted',
          checks: [],
        },
      ],
    },
    {
      id: 'extra',
      title: { en: 'Extra', ru: 'Дополнительно' },
      score: { passed: 0, failed: 0, notSubmitted: 2, skipped: 0, total: 2 },
      exercises: [
        { id: 'extra/list', exercise: 'list', title: { en: 'A list', ru: 'Список' }, status: 'not-submitted', checks: [] },
        { id: 'extra/wait-for-job', exercise: 'wait-for-job', title: { en: 'Wait for a job', ru: 'Дождитесь задачи' }, status: 'not-submitted', checks: [] },
      ],
    },
  ],
  unmatched: [
    { path: 'notes.txt', kind: 'outside-module', reason: 'not in a module folder (answers are MODULE/EXERCISE.redis, .py, .js, .mjs, .ts, .sh or an executable)' },
    { path: 'basics/greting.redis', kind: 'unknown-exercise', reason: 'no exercise "greting" in module basics', suggestion: 'basics/greeting.redis' },
    { path: '02-extra/', kind: 'unknown-module', reason: 'no module "02-extra"', suggestion: 'extra/' },
  ],
};
