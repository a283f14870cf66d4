import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load.js';
import type { Course } from '../../src/course/schema.js';
import type { ExerciseGrade } from '../../src/results/report-model.js';
import { gradeFiles } from './support/grade-fixture.js';
import { realInterpreters } from './support/real-clients.js';

/** The checks on a program itself (output, exitCode, connections, received, acted), graded on a small fixture course. */

const COURSE_DIR = join(import.meta.dirname, '../fixtures/program-checks-course');
let course: Course;
beforeAll(async () => {
  const loaded = await loadCourse(COURSE_DIR);
  const errors = loaded.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(`the fixture course does not load: ${JSON.stringify(errors)}`);
  course = loaded.course;
});

async function grade(id: string, file: string, text: string): Promise<ExerciseGrade> {
  const graded = await gradeFiles({ [file]: text }, { course, exerciseId: id, timeoutMs: 10_000, interpreters: await realInterpreters() });
  return graded.grade(id);
}

function failing(result: ExerciseGrade) {
  return result.checks.filter((check) => !check.passed).map((check) => ({ check: check.description.en, expected: check.expected?.en, found: check.found?.en }));
}

const python = (...lines: string[]) => ['import os', 'import redis', "r = redis.Redis.from_url(os.environ['REDIS_URL'], decode_responses=True)", ...lines, ''].join('\n');
const ioredis = (...lines: string[]) => ["import Redis from 'ioredis';", ...lines, ''].join('\n');

describe('output, exitCode and connections', () => {
  it('a program that prints one line and exits 0 on one connection passes', async () => {
    const result = await grade('programs/report', 'programs/report.py', python("print('views:', r.get('views:home'))"));
    expect({ status: result.status, failing: failing(result) }).toEqual({ status: 'passed', failing: [] });
  });

  it('say what was printed and how it ended when they do not hold', async () => {
    const result = await grade('programs/report', 'programs/report.mjs', ioredis('const redis = new Redis(process.env.REDIS_URL);', "console.log('home page');", "console.log('views', await redis.get('views:home'));", 'redis.disconnect();', 'process.exitCode = 2;'));
    expect(failing(result)).toEqual([
      {
        check: 'It printed the views',
        expected: 'output containing "1041" and output matching /^views: \\d+$/ and 1 line(s) of output',
        found: '2 line(s), ending "home page\\nviews 1041\\n"',
      },
      { check: 'It exited with 0', expected: 'exit code 0', found: 'exit code 2' },
    ]);
    expect(result.problem?.code).toBe('exit-code');
  });

  it('a non-zero exit the exercise asks for is judged by its exitCode check, not refused as a crash', async () => {
    const asked = await grade('programs/refused', 'programs/refused.py', python("print('login refused')", 'raise SystemExit(3)'));
    expect({ status: asked.status, failing: failing(asked), problem: asked.problem }).toEqual({ status: 'passed', failing: [], problem: undefined });
    const crashed = await grade('programs/refused', 'programs/refused.py', python("print('login refused')", "r.execute_command('NO-SUCH-COMMAND')"));
    expect(failing(crashed)).toEqual([{ check: 'It exited with 3', expected: 'exit code 3', found: 'exit code 1' }]);
    expect(crashed.problem?.code).toBe('exit-code');
  });

  it('typed lines cannot pass them: they print nothing a check reads', async () => {
    const result = await grade('programs/report', 'programs/report.redis', 'GET views:home\n');
    expect(failing(result).map((check) => check.found)).toEqual(['typed lines, not a program', 'typed lines, not a program', 'typed lines, not a program']);
  });

  it('counts every connection a program opened, however short-lived', async () => {
    const five = ioredis('for (let i = 0; i < 5; i++) {', '  const redis = new Redis(process.env.REDIS_URL);', "  await redis.incrby('views:home', 2);", '  await redis.quit();', '}');
    expect(failing(await grade('programs/pool', 'programs/pool.mjs', five))).toEqual([{ check: 'At most two connections', expected: '<= 2 connection(s) opened', found: '5 connection(s) opened' }]);
    const pooled = python('for _ in range(10):', "    r.incr('views:home')");
    expect((await grade('programs/pool', 'programs/pool.py', pooled)).status).toBe('passed');
  });
});

describe('received, subscribed and acted', () => {
  const listener = (print: boolean) =>
    python(
      'p = r.pubsub()',
      "p.subscribe('news')",
      'seen = 0',
      'for message in p.listen():',
      "    if message['type'] == 'message':",
      ...(print ? ["        print(message['data'], flush=True)"] : []),
      '        seen += 1',
      '        if seen == 2:',
      '            break',
    );

  it('a listener that leaves once it has both messages passes', async () => {
    const result = await grade('programs/news', 'programs/news.py', listener(true));
    expect({ status: result.status, failing: failing(result) }).toEqual({ status: 'passed', failing: [] });
  });

  it('a listener that received the messages but printed none fails received', async () => {
    expect(failing(await grade('programs/news', 'programs/news.py', listener(false)))).toEqual([
      { check: 'Both news reached you', expected: '"Redis 8 released" printed', found: '"Redis 8 released" received but not printed' },
    ]);
  });

  it('typed lines pass received by the receivers the tutor\'s PUBLISH counted', async () => {
    const result = await grade('programs/news', 'programs/news.redis', 'SUBSCRIBE news\n');
    expect({ status: result.status, failing: failing(result) }).toEqual({ status: 'passed', failing: [] });
  });

  it('a program that never subscribes: nothing acted, nothing received', async () => {
    expect(failing(await grade('programs/news', 'programs/news.py', python("r.publish('other', 'x')"))).map((check) => check.found)).toEqual([
      'not subscribed',
      '0 received',
      'it did not: the answer never subscribed',
    ]);
  });

  it('an actor after GET acts before the pipelined MULTI/EXEC that follows it runs: EXEC fails and the retry reads 0', async () => {
    const buyer = python(
      'with r.pipeline() as pipe:',
      '    while True:',
      '        try:',
      "            pipe.watch('stock')",
      "            stock = int(pipe.get('stock'))",
      '            pipe.multi()',
      '            if stock > 0:',
      "                pipe.decr('stock')",
      '            pipe.execute()',
      '            break',
      '        except redis.WatchError:',
      "            print('retry')",
    );
    const result = await grade('programs/after-get', 'programs/after-get.py', buyer);
    expect({ status: result.status, failing: failing(result), output: result.output?.text }).toEqual({ status: 'passed', failing: [], output: 'retry\n' });
  });
});

describe('what a program sent, as the checks see it', () => {
  it("its login with the sandbox's password shows redacted, as MONITOR shows it", async () => {
    const result = await grade('programs/login', 'programs/login.py', python("r.incrby('views:home', 3)"));
    expect(failing(result)).toEqual([{ check: 'Logged in as nobody', expected: 'you use AUTH … nobody', found: 'you ran AUTH default (redacted) (no nobody)' }]);
  });
});
