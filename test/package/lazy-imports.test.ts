import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin', 'redis-tutor.js');
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-imports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Runs the built bin with a module-resolution hook that records every module
 * it loads, so a test can say which packages a subcommand pulled in.
 */
function loadedModules(args: string[], input = ''): string[] {
  const log = join(scratch, `loaded-${args.join('-').replace(/[^a-z0-9-]/gi, '_')}.txt`);
  const hook = join(scratch, 'record-hook.mjs');
  writeFileSync(
    hook,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}
`,
  );
  const register = join(scratch, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
  writeFileSync(log, '');
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, bin, ...args], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', REDIS_TUTOR_HOME: scratch },
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`redis-tutor ${args.join(' ')} failed: ${result.stderr}`);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const uiPackages = /\/node_modules\/(ink|react|react-reconciler|yoga-layout)\//;

describe('start-up loads only what a subcommand needs', () => {
  it.each([
    [['--version']],
    [['cli'], 'ping\n'],
    [['grade', join(root, 'examples', 'submission'), '--module', 'queues', '--reporter', 'json']],
  ])('redis-tutor %j loads neither Ink nor React', (args, input?: string) => {
    const loaded = loadedModules(args, input);
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((url) => uiPackages.test(url))).toEqual([]);
  });

  it('the hook does see Ink when `start` loads it (so the check above can fail)', () => {
    // Not a terminal: start refuses with exit 2, after loading its screens.
    const loaded = (() => {
      try {
        return loadedModules(['start']);
      } catch {
        return readFileSync(join(scratch, 'loaded-start.txt'), 'utf8').split('\n');
      }
    })();
    expect(loaded.some((url) => uiPackages.test(url))).toBe(true);
  });
});
