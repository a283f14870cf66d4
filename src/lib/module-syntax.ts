import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';

export interface ModuleSyntaxError {
  /** 1-based, in the file. */
  line: number;
  column: number;
  /** `SyntaxError: Unexpected token ';'` */
  message: string;
}

/** A check that takes longer than this to parse is not worth waiting for: the error is then reported without a place. */
const CHECK_TIMEOUT_MS = 10_000;

const found = new Map<string, Promise<ModuleSyntaxError | undefined>>();

/**
 * Where the syntax error of an ES module file is. Node's import() throws a
 * SyntaxError with no file, line or column for a module that does not parse,
 * so the source is given to `node --check` as a module, whose report has
 * them. Remembered per file version, so a check evaluated after every
 * command does not start a process each time. Undefined when the file
 * parses, or Node's report could not be read.
 */
export async function findModuleSyntaxError(path: string): Promise<ModuleSyntaxError | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  const key = `${path}\0${info.mtimeMs}\0${info.size}`;
  let result = found.get(key);
  if (!result) {
    result = readFile(path, 'utf8').then(checkModuleSource, () => undefined);
    found.set(key, result);
  }
  return result;
}

function checkModuleSource(source: string): Promise<ModuleSyntaxError | undefined> {
  return new Promise((resolve) => {
    // --input-type=module: parsed as a module whatever package.json is (or is not) beside the file.
    const child = spawn(process.execPath, ['--input-type=module', '--check'], { stdio: ['pipe', 'ignore', 'pipe'] });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), CHECK_TIMEOUT_MS);
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', () => {
      clearTimeout(timer);
      resolve(undefined);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? undefined : parseCheckReport(Buffer.concat(chunks).toString('utf8')));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(source);
  });
}

/**
 * `[stdin]:3` / the source line / a caret under the column / a blank line /
 * `SyntaxError: ...`: how `node --check` reports a syntax error.
 */
export function parseCheckReport(report: string): ModuleSyntaxError | undefined {
  const lines = report.split(/\r?\n/);
  const at = lines.findIndex((line) => /^\[stdin\]:\d+$/.test(line));
  const message = lines.find((line) => /^\w*Error: /.test(line));
  if (at < 0 || message === undefined) return undefined;
  const line = Number((lines[at] ?? '').slice('[stdin]:'.length));
  const caret = lines[at + 2]?.indexOf('^') ?? -1;
  return { line, column: caret >= 0 ? caret + 1 : 1, message };
}
