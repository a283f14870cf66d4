import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface CompiledApp {
  /** `node <entry> start ...` runs the whole program from this tree. */
  entry: string;
  remove(): void;
}

/**
 * The e2e tests run the real program in a pseudo-terminal, as `node`, so
 * src/ (.ts and .tsx) is transpiled into a throwaway tree beside a copy-free
 * link to node_modules and the bundled exercises. No dependency on dist/.
 */
export function compileApp(): CompiledApp {
  const outRoot = mkdtempSync(join(tmpdir(), 'redis-tutor-e2e-app-'));
  writeFileSync(join(outRoot, 'package.json'), JSON.stringify({ type: 'module', version: '0.0.0-e2e' }));
  symlinkSync(join(repoRoot, 'node_modules'), join(outRoot, 'node_modules'));
  symlinkSync(join(repoRoot, 'exercises'), join(outRoot, 'exercises'));
  for (const file of sourceFiles(join(repoRoot, 'src'))) {
    const output = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        jsx: ts.JsxEmit.ReactJSX,
      },
      fileName: file,
    }).outputText;
    const target = join(outRoot, relative(repoRoot, file)).replace(/\.tsx?$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
  }
  const entry = join(outRoot, 'run.js');
  writeFileSync(entry, "import { main } from './src/main.js';\nmain(process.argv.slice(2));\n");
  return { entry, remove: () => rmSync(outRoot, { recursive: true, force: true }) };
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}
