import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/program.js';
import { renderError } from '../../src/render-error.js';
import { captureIo } from '../support/capture-io.js';

const course = fileURLToPath(new URL('../fixtures/course-basic/', import.meta.url));

/**
 * `start` checks --module before it starts a Redis, so an unknown one is
 * answered without a server; the streams only claim to be a terminal to get past the TTY check.
 */
async function startWithModule(module: string, env: NodeJS.ProcessEnv = {}) {
  const io = captureIo({ env: { REDIS_TUTOR_EXERCISES: course, ...env } });
  Object.assign(io.stdin, { isTTY: true });
  Object.assign(io.stdout, { isTTY: true, columns: 100, rows: 30 });
  try {
    return { code: await runProgram(['start', '--module', module], io), stderr: io.stderrText() };
  } catch (error) {
    const { text, exitCode } = renderError(error);
    return { code: exitCode, stderr: text };
  }
}

describe('redis-tutor start --module with an unknown module', () => {
  it('suggests the module the prefix begins, exit 2', async () => {
    expect(await startWithModule('getting')).toEqual({
      code: 2,
      stderr: 'redis-tutor: no module "getting" — did you mean "getting-started"?\n`redis-tutor list` shows them all.\n',
    });
  });

  it('suggests a near miss, in Russian under LANG=ru_RU.UTF-8', async () => {
    expect(await startWithModule('pubsb', { LANG: 'ru_RU.UTF-8' })).toEqual({
      code: 2,
      stderr: 'redis-tutor: нет модуля "pubsb" — может быть, "pubsub"?\n`redis-tutor list` покажет их все.\n',
    });
  });
});
