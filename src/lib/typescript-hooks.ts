/**
 * Module customization hooks (registered by ./typescript-loader.ts) that let
 * Node 20, which cannot run TypeScript itself, import a course's .ts checks:
 * a .ts file is transpiled as it is loaded, and `./helper.js` written in a
 * .ts file finds `helper.ts` beside it, as TypeScript's own resolution does.
 * Everything else goes to Node untouched. Runs on Node's loader thread.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isTypeScriptModule, transpileTypeScript } from './typescript-source.js';

interface ResolveContext {
  parentURL?: string;
}
interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
}
interface LoadResult {
  format: string;
  source?: string | Buffer;
  shortCircuit?: boolean;
}

export async function resolve(specifier: string, context: ResolveContext, nextResolve: (specifier: string, context: ResolveContext) => Promise<ResolveResult>): Promise<ResolveResult> {
  const parent = context.parentURL;
  if (parent !== undefined && parent.startsWith('file:') && isTypeScriptModule(parent) && /^\.\.?\/.*\.m?js$/.test(specifier)) {
    const typed = new URL(specifier.replace(/js$/, 'ts'), parent);
    if (!existsSync(new URL(specifier, parent)) && existsSync(typed)) return { url: typed.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url: string, context: unknown, nextLoad: (url: string, context: unknown) => Promise<LoadResult>): Promise<LoadResult> {
  if (!url.startsWith('file:') || !isTypeScriptModule(new URL(url).pathname)) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const transpiled = await transpileTypeScript(await readFile(path, 'utf8'), path);
  if ('syntaxError' in transpiled) {
    const { line, column, message } = transpiled.syntaxError;
    const error = new SyntaxError(`${message.replace(/^SyntaxError: /, '')} (${path}:${line}:${column})`);
    throw error;
  }
  return { format: 'module', source: transpiled.code, shortCircuit: true };
}
