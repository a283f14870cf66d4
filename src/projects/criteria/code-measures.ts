import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';

/** What the tester measures of the code for the teacher, who judges its quality: facts, not a score. */
export interface CodeMeasures {
  files: number;
  lines: number;
  /** The longest file and its lines. */
  longest?: { file: string; lines: number };
  /** The code logs through a logging library (Python's logging, or a console/pino/winston logger in JavaScript). */
  logs: boolean;
  /** The code builds a connection pool or keeps one client (redis.ConnectionPool, a module-level Redis/ioredis client). */
  pools: boolean;
  testFiles: number;
}

const SOURCE = new Set(['.py', '.mjs', '.js', '.cjs', '.ts']);
const SKIPPED = new Set(['node_modules', '__pycache__', 'venv', '.venv', 'env', '.git', 'dist', 'build']);
const MAX_FILES = 500;

export async function measureCode(dir: string): Promise<CodeMeasures> {
  const files = await sourceFiles(dir);
  const measures: CodeMeasures = { files: 0, lines: 0, logs: false, pools: false, testFiles: 0 };
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => '');
    const lines = text.split('\n').filter((line) => line.trim() !== '').length;
    const name = relative(dir, file);
    measures.files++;
    measures.lines += lines;
    if (!measures.longest || lines > measures.longest.lines) measures.longest = { file: name, lines };
    if (isTestFile(name)) measures.testFiles++;
    if (/^\s*import logging|getLogger\(|from logging import|\bpino\b|\bwinston\b|\blog(ger)?\.(info|warn|error|debug)\(/m.test(text)) measures.logs = true;
    if (/ConnectionPool|BlockingConnectionPool|max_connections|new Redis\(|new IORedis\(|createClient\(/.test(text)) measures.pools = true;
  }
  return measures;
}

export function isTestFile(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return /^test_.*\.py$|_test\.py$|\.test\.(m|c)?js$|\.spec\.(m|c)?js$/.test(base) || /(^|\/)tests?\/.*\.(py|mjs|js|cjs)$/.test(name);
}

async function sourceFiles(dir: string, found: string[] = []): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (found.length >= MAX_FILES) break;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) await sourceFiles(path, found);
    } else if (entry.isFile() && SOURCE.has(extname(entry.name)) && (await stat(path)).size < 1_000_000) {
      found.push(path);
    }
  }
  return found;
}
