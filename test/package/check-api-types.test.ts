import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * The check examples of exercises/README.md that use `redis-tutor/check-api`,
 * each under the path its first line names (`// checks/lock-release.js`), so
 * the guide's import forms are the ones proven here.
 */
function guideChecks(): { path: string; code: string }[] {
  const guide = readFileSync(join(root, 'exercises', 'README.md'), 'utf8');
  const blocks = [...guide.matchAll(/```(?:js|ts)\n\/\/ (\S+\.(?:js|ts))\n([\s\S]*?)```/g)];
  return blocks.filter(([, , code]) => code?.includes("'redis-tutor/check-api'")).map(([, path, code]) => ({ path: path ?? '', code: code ?? '' }));
}

/** Deliberately wrong uses: if the package's types went missing or became `any`, these would type-check. */
const wrongChecks: Record<string, string> = {
  'wrong/nonexistent.ts': `import type { CheckFunction } from 'redis-tutor/check-api';

const check: CheckFunction = async (api) => {
  await api.nonexistent();
  return true;
};
export default check;
`,
  'wrong/nonexistent-jsdoc.js': `/** @type {import('redis-tutor/check-api').CheckFunction} */
export default async function check(api) {
  await api.nonexistent();
  return true;
}
`,
  'wrong/bad-result.js': `/** @type {import('redis-tutor/check-api').CheckFunction} */
export default async function check(api) {
  return { passed: api.commands.length > 0, found: 42 };
}
`,
};

/** The package's main entry has types too. */
const usesMain = `import { main } from 'redis-tutor';

export const entry: (argv: string[]) => Promise<void> = main;
`;

interface Diagnostic {
  file: string;
  code: string;
  message: string;
}

/** `file(line,col): error TS1234: message` lines of `tsc --pretty false`; anything else is kept whole, so nothing unexpected slips by. */
function diagnostics(output: string): Diagnostic[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith(' '))
    .map((line) => {
      const match = /^(.+?)\(\d+,\d+\): error (TS\d+): (.*)$/.exec(line);
      return match ? { file: match[1] ?? '', code: match[2] ?? '', message: match[3] ?? '' } : { file: '', code: '', message: line };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * A course author's project: the packed tarball installed as a dependency
 * (with @types/node, which ioredis' types need), checks beside it, and the
 * repository's own TypeScript run there. skipLibCheck stays off, so the
 * package's .d.ts files are checked as well.
 */
describe('the installed package types redis-tutor/check-api', () => {
  let work: string;
  let project: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'redis-tutor-types-'));
    // dist/ is built already (npm run build); packing must not rebuild it under other test files.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent'], { cwd: root, stdio: 'pipe' });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack produced no tarball');
    project = join(work, 'course');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-course', private: true, type: 'module' }));
    const nodeTypes = (JSON.parse(readFileSync(join(root, 'node_modules', '@types', 'node', 'package.json'), 'utf8')) as { version: string }).version;
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball), `@types/node@${nodeTypes}`], { cwd: project, stdio: 'pipe' });

    const files = [...guideChecks().map(({ path, code }) => [path, code] as const), ...Object.entries(wrongChecks), ['uses-main.ts', usesMain] as const];
    for (const [path, code] of files) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), code);
    }
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, checkJs: true, noEmit: true },
        include: files.map(([path]) => path),
      }),
    );
  }, 180_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('finds the guide examples to check', () => {
    const paths = guideChecks().map(({ path }) => path);
    expect(paths.filter((path) => path.endsWith('.js')).length).toBeGreaterThan(0);
    expect(paths.filter((path) => path.endsWith('.ts')).length).toBeGreaterThan(0);
  });

  it.each([
    ['nodenext', []],
    // The .d.ts files were checked in the nodenext run; here only resolution differs, and a lib check costs seconds.
    ['bundler', ['--module', 'esnext', '--moduleResolution', 'bundler', '--skipLibCheck']],
  ])('with %s resolution: the guide and main type-check, the wrong uses do not', (_resolution, flags: string[]) => {
    const result = spawnSync(process.execPath, [tsc, '-p', '.', '--pretty', 'false', ...flags], { cwd: project, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(diagnostics(result.stdout)).toEqual([
      { file: 'wrong/bad-result.js', code: 'TS2322', message: "Type 'number' is not assignable to type 'CheckApiText | undefined'." },
      { file: 'wrong/nonexistent-jsdoc.js', code: 'TS2339', message: "Property 'nonexistent' does not exist on type 'CheckApi'." },
      { file: 'wrong/nonexistent.ts', code: 'TS2339', message: "Property 'nonexistent' does not exist on type 'CheckApi'." },
    ]);
    expect(result.status).toBe(2);
  }, 120_000);
});
