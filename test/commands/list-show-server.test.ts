import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListModel } from '../../src/course/list-model.js';
import { runProgram } from '../../src/program.js';
import { captureIo } from '../support/capture-io.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

function exercise(id: string, requires: string): string {
  return [
    'formatVersion: 1',
    `id: ${id}`,
    `title: { en: Exercise ${id}, ru: Упражнение ${id} }`,
    'lesson: { en: Lesson., ru: Урок. }',
    'task: { en: Task., ru: Задание. }',
    'hints:',
    '  - { en: Hint., ru: Подсказка. }',
    ...(requires === '' ? [] : [`requires: ${requires}`]),
    'solution: SET k 1',
    'checks:',
    '  - { description: { en: k is 1, ru: k равен 1 }, key: k, value: "1" }',
  ].join('\n');
}

let dir: string;
let server: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-list-needs-'));
  mkdirSync(join(dir, '01-needs'));
  writeFileSync(join(dir, '01-needs', 'module.yaml'), 'formatVersion: 1\nid: needs\ntitle: { en: Needs, ru: Нужды }\nsummary: { en: Requirements., ru: Требования. }\n');
  writeFileSync(join(dir, '01-needs', '01-plain.yaml'), exercise('plain', ''));
  writeFileSync(join(dir, '01-needs', '02-future.yaml'), exercise('future', '{ redis: "99.0" }'));
  writeFileSync(join(dir, '01-needs', '03-unknown.yaml'), exercise('unknown', '{ commands: [NO-SUCH-COMMAND] }'));
  writeFileSync(join(dir, '01-needs', '04-owned.yaml'), exercise('owned', 'owned-server'));
  server = await startTestServer();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.stop();
});

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = captureIo({ env: { REDIS_TUTOR_EXERCISES: dir, ...env } });
  const code = await runProgram(argv, io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('list and show mark what the server in use cannot run', () => {
  it('list --url: each exercise the Redis there cannot run, with the reason, and the ways to one that can', async () => {
    // No redis-server on PATH to start beside it: an exercise that needs an owned server cannot run either.
    const { code, stdout, stderr } = await run(['list', '--url', server.url], { PATH: '/nonexistent' });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    const line = (id: string) => lines.find((text) => text.includes(`needs/${id} `)) ?? '';
    expect(line('plain')).not.toContain('✗');
    expect(line('future')).toMatch(/✗ cannot run on this server: needs Redis 99\.0 or newer; this is Redis \d+\.\d+\.\d+$/);
    expect(line('unknown')).toMatch(/✗ cannot run on this server: needs NO-SUCH-COMMAND, which Redis \S+ does not know$/);
    expect(line('owned')).toContain('✗ cannot run on this server: needs a server redis-tutor starts itself (FLUSHALL, SAVE, restarts); this one came from --url');
    expect(stdout).toContain('To run the exercises that cannot run on this server: Start a server that can with Docker: docker run -d --rm -p 127.0.0.1:6380:6379 redis:99.0; redis-tutor start --url redis://127.0.0.1:6380');
    expect(stdout).toContain('To run the exercises that cannot run on this server: Install redis-server (sudo apt-get install redis-server, or brew install redis)');
  });

  it('list and show --url with a redis-server at hand: an exercise that needs an owned server says it runs on one beside', async () => {
    const beside = 'runs on a private redis-server the tutor starts beside yours: it needs a server the tutor owns (FLUSHALL, SAVE, restarts), and your --url server is left untouched';
    const list = await run(['list', '--url', server.url]);
    const line = list.stdout.split('\n').find((text) => text.includes('needs/owned ')) ?? '';
    expect(line).toContain(`(${beside})`);
    expect(line).not.toContain('✗');
    const show = await run(['show', 'needs/owned', '--url', server.url, '--lang', 'ru']);
    expect(show.stdout).toContain('выполняется на отдельном redis-server, который тренажёр запускает рядом с вашим');
  });

  it('list --json: the reason and the remedy as data, in the language asked for', async () => {
    const { stdout } = await run(['list', '--json', '--lang', 'ru', '--url', server.url]);
    const model = JSON.parse(stdout) as ListModel;
    expect(model.server).toMatch(/^Redis \d/);
    const future = model.modules[0]?.exercises.find((e) => e.id === 'needs/future');
    expect(future).toMatchObject({ requires: { redis: '99.0' }, needs: 'Redis 99.0+', cannotRun: { reason: expect.stringMatching(/^нужен Redis 99\.0 или новее/) as unknown } });
  });

  it('list without --url judges by the redis-server it would start: owned, commands not asked', async () => {
    const { stdout } = await run(['list']);
    const line = (id: string) => stdout.split('\n').find((text) => text.includes(`needs/${id} `)) ?? '';
    expect(line('future')).toContain('✗ cannot run on this server: needs Redis 99.0 or newer');
    expect(line('owned')).not.toContain('✗');
    expect(line('owned')).toContain('(needs a server redis-tutor starts itself)');
    expect(line('unknown')).toContain('(needs NO-SUCH-COMMAND)');
  });

  it('list with no server to ask marks nothing and says only what each needs', async () => {
    const { stdout } = await run(['list'], { PATH: '/nonexistent' });
    expect(stdout).not.toContain('✗');
    expect(stdout).toContain('(needs Redis 99.0+)');
  });

  it('list --url to a server that does not answer notes it and still lists', async () => {
    const unused = await startTestServer();
    await unused.stop();
    const { code, stdout, stderr } = await run(['list', '--url', unused.url]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^note: exercises are not checked against the Redis at --url: /);
    expect(stdout).toContain('needs/future');
    expect(stdout).not.toContain('✗');
  });

  it('show --url says it cannot run here, why, and how to get a server that can', async () => {
    const { code, stdout } = await run(['show', 'needs/future', '--url', server.url]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Needs \(needs\) {2}\(needs Redis 99\.0\+\)$/m);
    expect(stdout).toMatch(/^✗ cannot run on this server: needs Redis 99\.0 or newer; this is Redis \S+\n {2}Start a server that can with Docker: /m);
    const plain = await run(['show', 'needs/plain', '--url', server.url]);
    expect(plain.stdout).not.toContain('✗');
  });
});
