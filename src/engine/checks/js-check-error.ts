import { fileURLToPath, pathToFileURL } from 'node:url';
import type { JsCheck } from '../../course/schema.js';
import { findModuleSyntaxError } from '../../lib/module-syntax.js';
import { findTypeScriptSyntaxError, isTypeScriptModule } from '../../lib/typescript-source.js';
import { BilingualError, type BilingualText } from '../../results/check-result.js';

/** Where an error happened in the check's own file: the first stack frame there, never the tutor's. */
interface CheckFrame {
  line: number;
  column: number;
  /** The function it happened in, when it has a name. */
  functionName?: string;
}

/**
 * What a js check that could not run says to its author: the check file,
 * the line and column, the error and the function it happened in —
 * `checks/top.js:7:12: TypeError: Cannot read properties of undefined
 * (reading 'score') (in rank)` — whether the file does not parse (a
 * SyntaxError) or its code threw. `loading`: the error came from importing
 * the file, where a SyntaxError carries no place of its own.
 */
export async function describeJsCheckError(error: unknown, check: Pick<JsCheck, 'module' | 'modulePath'>, loading: boolean): Promise<BilingualText> {
  if (error instanceof BilingualError) return error.text;
  if (!(error instanceof Error)) {
    const value = typeof error === 'string' ? JSON.stringify(error) : String(error);
    return { en: `${check.module} threw ${value}`, ru: `${check.module} выбросил ${value}` };
  }
  const what = `${error.name}: ${firstLine(error.message)}`;
  const frame = frameInFile(error.stack, check.modulePath);
  if (frame) {
    const where = `${check.module}:${frame.line}:${frame.column}: ${what}`;
    if (frame.functionName === undefined) return { en: where, ru: where };
    return { en: `${where} (in ${frame.functionName})`, ru: `${where} (в функции ${frame.functionName})` };
  }
  // A .ts check's syntax error comes from the TypeScript loader's thread, which may not keep the error's name.
  const typed = isTypeScriptModule(check.modulePath);
  if (loading && (error.name === 'SyntaxError' || typed)) {
    const syntax = typed ? await findTypeScriptSyntaxError(check.modulePath) : await findModuleSyntaxError(check.modulePath);
    if (syntax) {
      const where = `${check.module}:${syntax.line}:${syntax.column}: ${syntax.message}`;
      return { en: where, ru: where };
    }
  }
  return { en: `${check.module}: ${what}`, ru: `${check.module}: ${what}` };
}

/** Several lines (an assertion's diff) would break every report's layout; the first says what it is. */
function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * The first `at fn (file:///…/check.js:7:12)` or `at file:///…/check.js:7:12`
 * of the stack that is in the check's file. Node writes ES module frames as
 * file URLs; a plain path is accepted too.
 */
export function frameInFile(stack: string | undefined, modulePath: string): CheckFrame | undefined {
  if (stack === undefined) return undefined;
  const url = pathToFileURL(modulePath).href;
  for (const line of stack.split('\n')) {
    const match = /^\s*at (?:async )?(?:(.+?) \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (!match) continue;
    const [, name, location, row, column] = match;
    if (location !== url && location !== modulePath && !(location?.startsWith('file:') === true && safePath(location) === modulePath)) continue;
    const functionName = cleanFunctionName(name);
    return { line: Number(row), column: Number(column), ...(functionName !== undefined ? { functionName } : {}) };
  }
  return undefined;
}

function safePath(url: string): string | undefined {
  try {
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}

/** `Module.check` → `check`; `<anonymous>` and `Object.<anonymous>` name nothing. */
function cleanFunctionName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const plain = name.replace(/^(?:Module|Object)\./, '');
  return plain === '' || plain.includes('<anonymous>') ? undefined : plain;
}
