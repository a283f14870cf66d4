import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseInterpreters, probePython } from '../../src/programs/interpreters.js';
import { programCommand } from '../../src/programs/program-command.js';
import { tutorIoredis } from '../../src/programs/tutor-ioredis.js';
import { pythonWithRedisPy } from '../grade/support/real-clients.js';
import { anyString, stringMatching } from '../support/matchers.js';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-program-command-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder of its own (under the temporary folder, so no node_modules above it) with these files. */
function folder(name: string, files: Record<string, string>): string {
  const dir = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function runAnswer(dir: string, file: string, options: Parameters<typeof programCommand>[1] = {}): Promise<string> {
  const { command, args } = programCommand(join(dir, file), options);
  const { stdout } = await run(command, args, { cwd: dir, env: { PATH: process.env.PATH ?? '' } });
  return stdout;
}

describe('which interpreters run program answers', () => {
  it('--python / --node first, then REDIS_TUTOR_PYTHON / REDIS_TUTOR_NODE, then python3 and this Node.js', () => {
    const env = { REDIS_TUTOR_PYTHON: '/opt/py/bin/python3', REDIS_TUTOR_NODE: '/opt/node/bin/node' };
    expect(chooseInterpreters({ python: '/usr/bin/python3.12' }, env)).toEqual({ python: '/usr/bin/python3.12', node: '/opt/node/bin/node' });
    expect(chooseInterpreters({}, env)).toEqual({ python: '/opt/py/bin/python3', node: '/opt/node/bin/node' });
    expect(chooseInterpreters({ python: '' }, {})).toEqual({ python: 'python3', node: process.execPath });
  });

  it('a Python that is not there is told apart from one that runs', async () => {
    expect(await probePython(join(scratch, 'no-such-python'))).toEqual({ state: 'unusable', reason: `${join(scratch, 'no-such-python')} was not found` });
    const python = await pythonWithRedisPy();
    expect(await probePython(python)).toMatchObject({ state: 'runs', version: stringMatching(/^3\.\d+\.\d+$/), redisPy: anyString() });
  });
});

describe("JavaScript answers get the tutor's own ioredis", () => {
  const answers = {
    'esm.mjs': "import Redis from 'ioredis';\nimport { Redis as Named } from 'ioredis';\nconsole.log(typeof Redis, Redis === Named);\n",
    'cjs.js': "const Redis = require('ioredis');\nconsole.log(typeof Redis, typeof Redis.Cluster);\n",
  };

  it('from a folder with no node_modules: import and require both resolve', async () => {
    const dir = folder('no-node-modules', answers);
    expect(await runAnswer(dir, 'esm.mjs')).toBe('function true\n');
    expect(await runAnswer(dir, 'cjs.js')).toBe('function function\n');
    expect(tutorIoredis()?.version).toMatch(/^5\./);
  });

  it("a submission's own ioredis still wins, and other packages are not lent", async () => {
    const dir = folder('own-ioredis', {
      ...answers,
      'node_modules/ioredis/package.json': '{ "name": "ioredis", "version": "0.0.1", "main": "index.js" }',
      'node_modules/ioredis/index.js': "module.exports = function own() {}; module.exports.Redis = module.exports; module.exports.Cluster = 'own';\n",
      'chalk.mjs': "import chalk from 'chalk';\nconsole.log(typeof chalk);\n",
    });
    expect(await runAnswer(dir, 'cjs.js')).toBe('function string\n');
    await expect(runAnswer(dir, 'chalk.mjs')).rejects.toThrow(/Cannot find package 'chalk'/);
  });
});

describe('Python answers never have their own folder on sys.path', () => {
  const queue = { 'lists/queue.py': 'import queue, sys\nprint(queue.__file__ != __file__, __name__, sys.argv[0].endswith("queue.py"))\n' };

  it.each([
    ['-P (Python 3.11 and newer)', true],
    ['the bootstrap for older ones', false],
  ])('%s: a file named queue.py imports the standard queue module', async (_name, pythonSafePath) => {
    const python = await pythonWithRedisPy();
    const dir = folder(`safe-path-${String(pythonSafePath)}`, queue);
    expect(await runAnswer(dir, 'lists/queue.py', { interpreters: { python, node: process.execPath }, pythonSafePath })).toBe('True __main__ True\n');
  });
});
