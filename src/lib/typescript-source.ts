import { readFile, stat } from 'node:fs/promises';
import type { ModuleSyntaxError } from './module-syntax.js';

/** What a TypeScript check becomes: JavaScript with an inline source map, or where it does not parse. */
export type TranspiledModule = { code: string } | { syntaxError: ModuleSyntaxError };

type TypeScript = typeof import('typescript');
let compiler: Promise<TypeScript> | undefined;

/** The compiler is large: loaded the first time a .ts check is, never for a course without one. */
function loadCompiler(): Promise<TypeScript> {
  compiler ??= import('typescript').then((module: TypeScript & { default?: TypeScript }) => module.default ?? module);
  return compiler;
}

/**
 * A check module in TypeScript as the ES module JavaScript Node runs: types
 * dropped file by file (transpileModule: no type checking, no project, no
 * build step), with an inline source map so stack frames name the lines of
 * the .ts file. A file that does not parse gives its first syntax error,
 * 1-based, the way Node's own syntax errors read.
 */
export async function transpileTypeScript(source: string, path: string): Promise<TranspiledModule> {
  const ts = await loadCompiler();
  const output = ts.transpileModule(source, {
    fileName: path,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      inlineSourceMap: true,
      // Imports used only as types vanish; the rest stay as written.
      verbatimModuleSyntax: false,
    },
  });
  const [first] = output.diagnostics ?? [];
  if (first?.file !== undefined && first.start !== undefined) {
    const place = first.file.getLineAndCharacterOfPosition(first.start);
    return { syntaxError: { line: place.line + 1, column: place.character + 1, message: `SyntaxError: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}` } };
  }
  return { code: output.outputText };
}

const found = new Map<string, Promise<ModuleSyntaxError | undefined>>();

/** Where a .ts check does not parse, remembered per file version like ./module-syntax.ts; undefined when it parses or cannot be read. */
export async function findTypeScriptSyntaxError(path: string): Promise<ModuleSyntaxError | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  const key = `${path}\0${info.mtimeMs}\0${info.size}`;
  let result = found.get(key);
  if (!result) {
    result = readFile(path, 'utf8').then(
      async (source) => {
        const transpiled = await transpileTypeScript(source, path);
        return 'syntaxError' in transpiled ? transpiled.syntaxError : undefined;
      },
      () => undefined,
    );
    found.set(key, result);
  }
  return result;
}

/** checks/top.ts, checks/top.mts: a check the TypeScript loader (./typescript-hooks.ts) takes. */
export function isTypeScriptModule(path: string): boolean {
  return /\.m?ts$/.test(path);
}
