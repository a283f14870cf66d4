/**
 * redis-cli 7.0's command history: linenoise's in-memory list (capped, no
 * consecutive duplicates) and the history file rewritten after every
 * addition. Lines are bytes, stored exactly as typed.
 */
import { readFileSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';

export const HISTORY_MAX_LENGTH = 100;
/** linenoise's LINENOISE_MAX_LINE: fgets() reads at most this minus one byte per call. */
const HISTORY_LINE_BUFFER = 4096;

export const HISTORY_FILE_ENV = 'REDISCLI_HISTFILE';
export const HISTORY_FILE_DEFAULT = '.rediscli_history';

export class History {
  private lines: Buffer[] = [];

  constructor(
    readonly maxLength: number = HISTORY_MAX_LENGTH,
    entries: Iterable<Buffer | string> = [],
  ) {
    for (const entry of entries) this.add(entry);
  }

  get entries(): readonly Buffer[] {
    return this.lines;
  }

  /** linenoiseHistoryAdd(): @returns false when the line equals the newest entry (or history is disabled). */
  add(line: Buffer | string): boolean {
    if (this.maxLength === 0) return false;
    const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : Buffer.from(line);
    const newest = this.lines[this.lines.length - 1];
    if (newest !== undefined && newest.equals(bytes)) return false;
    if (this.lines.length === this.maxLength) this.lines.shift();
    this.lines.push(bytes);
    return true;
  }

  /**
   * Takes back the list a line-editing session worked on: linenoise lets the
   * user edit recalled entries in place, and those edits stay in memory.
   */
  replaceEntries(entries: readonly Buffer[]): void {
    this.lines = entries.slice(-this.maxLength).map((entry) => Buffer.from(entry));
  }
}

/**
 * getDotfilePath(): `$<envVar>` when set and non-empty (`/dev/null` turning
 * the file off), else `$HOME/<name>`, else no file. Uses $HOME, not the
 * password database, like redis-cli.
 */
export function dotfilePath(envVar: string, name: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const override = env[envVar];
  if (override !== undefined && override !== '') return override === '/dev/null' ? null : override;
  const home = env['HOME'];
  return home !== undefined && home !== '' ? `${home}/${name}` : null;
}

export function historyFilePath(env: NodeJS.ProcessEnv = process.env): string | null {
  return dotfilePath(HISTORY_FILE_ENV, HISTORY_FILE_DEFAULT, env);
}

/** The pieces successive fgets(buf, size) calls return: up to and including `\n`, at most size-1 bytes each. */
export function fgetsChunks(content: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  let start = 0;
  while (start < content.length) {
    const newline = content.indexOf(0x0a, start);
    const lineEnd = newline === -1 ? content.length : newline + 1;
    const end = Math.min(lineEnd, start + size - 1);
    chunks.push(content.subarray(start, end));
    start = end;
  }
  return chunks;
}

/** linenoise's reading of a history file: each fgets() piece cut at its first `\r`, else its `\n`. */
export function historyFileLines(content: Buffer): Buffer[] {
  return fgetsChunks(content, HISTORY_LINE_BUFFER).map((chunk) => {
    const carriageReturn = chunk.indexOf(0x0d);
    const cut = carriageReturn !== -1 ? carriageReturn : chunk.indexOf(0x0a);
    return cut === -1 ? chunk : chunk.subarray(0, cut);
  });
}

/** linenoiseHistoryLoad(): adds each stored line; a missing or unreadable file is no error. */
export function loadHistory(history: History, file: string | null): void {
  if (file === null) return;
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return;
  }
  for (const line of historyFileLines(content)) {
    // fgets stops at a NUL as far as strchr/strdup can see.
    const nul = line.indexOf(0);
    history.add(nul === -1 ? line : line.subarray(0, nul));
  }
}

/**
 * linenoiseHistorySave(): the whole list, one line each, owner-only (0600).
 * Written atomically so a crash never leaves half a history. Failures are
 * ignored, as redis-cli ignores them.
 */
export async function saveHistory(lines: readonly Buffer[], file: string | null): Promise<boolean> {
  if (file === null) return false;
  const content = Buffer.concat(lines.flatMap((line) => [line, NEWLINE]));
  try {
    await writeFileAtomic(file, content, { mode: 0o600 });
    return true;
  } catch {
    return false;
  }
}

const NEWLINE = Buffer.from('\n');

/**
 * What the REPL does with an accepted line: add it (unless it repeats the
 * newest entry) and rewrite the file either way, as redis-cli does. Saves
 * run one after another so the file always ends up with the latest list.
 */
export class HistoryFile {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    readonly history: History,
    readonly file: string | null,
  ) {}

  /** History from `$REDISCLI_HISTFILE` or `~/.rediscli_history`, already loaded. */
  static open(env: NodeJS.ProcessEnv = process.env, maxLength: number = HISTORY_MAX_LENGTH): HistoryFile {
    const file = historyFilePath(env);
    const history = new History(maxLength);
    loadHistory(history, file);
    return new HistoryFile(history, file);
  }

  add(line: Buffer | string): Promise<void> {
    this.history.add(line);
    const snapshot = [...this.history.entries];
    const save = this.pending.then(() => saveHistory(snapshot, this.file));
    this.pending = save;
    return save.then(() => undefined);
  }

  /** Resolves once every save started so far has finished. */
  flush(): Promise<void> {
    return this.pending.then(() => undefined);
  }
}
