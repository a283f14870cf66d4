import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface CompiledTree {
  /** Path of a compiled .js file, given the repo-relative path of its .ts source. */
  pathOf(source: string): string;
  remove(): void;
}

/**
 * Child processes in these tests are plain `node` (Node 20 cannot run .ts), so
 * the sources they import are transpiled into a throwaway copy of the tree.
 * Imports already end in .js, and node_modules is linked in for ioredis.
 */
export function compileForChild(directories: string[] = ['src', 'test/redis/fixtures']): CompiledTree {
  const outRoot = mkdtempSync(join(tmpdir(), 'redis-tutor-compiled-'));
  writeFileSync(join(outRoot, 'package.json'), JSON.stringify({ type: 'module' }));
  symlinkSync(join(repoRoot, 'node_modules'), join(outRoot, 'node_modules'));
  for (const directory of directories) {
    for (const file of tsFiles(join(repoRoot, directory))) {
      const output = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: file,
      }).outputText;
      const target = join(outRoot, relative(repoRoot, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output);
    }
  }
  return {
    pathOf: (source) => join(outRoot, source).replace(/\.ts$/, '.js'),
    remove: () => rmSync(outRoot, { recursive: true, force: true }),
  };
}

function tsFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}
