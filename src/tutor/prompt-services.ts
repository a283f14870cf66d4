import { buildCommandTable, EMPTY_COMMAND_TABLE, type CommandTable } from '../redis-cli/command-docs.js';
import { completionsFor } from '../redis-cli/completion.js';
import { genericHelpText, helpText } from '../redis-cli/help.js';
import { hintFor } from '../redis-cli/hints.js';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { History, HistoryFile, loadHistory } from '../redis-cli/history.js';
import { learnerHandshake } from '../redis/checker.js';
import type { ConnectionSpec } from '../redis/target.js';
import { RespConnection } from '../resp/connection.js';

/**
 * The seam between the TUI prompt and the `redis-tutor cli` pieces: the
 * same COMMAND DOCS table drives redis-cli's inline hints, TAB completion and
 * local `help`, and the same History keeps what was typed.
 */
export interface PromptServices {
  hint(line: Buffer): string | null;
  completions(line: Buffer): Buffer[];
  /** redis-cli's local `help [topic]` output. */
  help(args: readonly Buffer[]): string;
  /** What Up and Down walk through: this session's lines, after those saved by earlier sessions. */
  readonly history: History;
  /**
   * A line the learner entered. `save: false` keeps it to this session (tutor
   * `:` commands: handy to recall now, noise in a file of Redis commands).
   */
  remember(line: string, options: { save: boolean }): void;
  /** Resolves once the history file has every line remembered so far. */
  flushHistory(): Promise<void>;
  /** `:set hints` / `:set nohints`, as in redis-cli. */
  hintsEnabled: boolean;
}

export function promptServices(table: CommandTable, options: { historyFile?: HistoryFile } = {}): PromptServices {
  const { historyFile } = options;
  // The file keeps only what was saved, so the in-memory list (which also holds `:` commands) is a separate one.
  const history = new History(historyFile?.history.maxLength, historyFile?.history.entries ?? []);
  const services: PromptServices = {
    hintsEnabled: true,
    hint: (line) => (services.hintsEnabled ? hintFor(line, table) : null),
    completions: (line) => completionsFor(line, table),
    help: (args) => (args.length === 0 ? genericHelpText() : helpText(args, table)),
    history,
    remember(line, { save }) {
      history.add(line);
      if (save && historyFile) void historyFile.add(line);
    },
    flushHistory: () => historyFile?.flush() ?? Promise.resolve(),
  };
  return services;
}

/**
 * The prompt's history file, loaded: redis-cli's format and rules (capped,
 * owner-only, rewritten after each line), at the tutor's own path. The
 * folder is made now because redis-cli's save, like linenoise's, does not
 * create one, and the first command may come before the first progress save.
 */
export function openHistoryFile(file: string): HistoryFile {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch {
    // Saving will fail quietly, as in redis-cli; the session goes on without a file.
  }
  const history = new History();
  loadHistory(history, file);
  return new HistoryFile(history, file);
}

/**
 * COMMAND DOCS, read once per session on a short-lived connection of its own
 * (not the learner's: it must not show up in what the learner did).
 * An older server or an error gives an empty table: no hints, nothing breaks.
 */
export async function loadCommandTable(spec: ConnectionSpec): Promise<CommandTable> {
  let connection: RespConnection | undefined;
  try {
    connection = await RespConnection.connect(spec, { connectTimeoutMs: 3_000 });
    for (const args of learnerHandshake(spec).filter((command) => command[0] !== 'CLIENT')) {
      await connection.send(args.map((arg) => Buffer.from(arg)));
    }
    const reply = await connection.send([Buffer.from('COMMAND'), Buffer.from('DOCS')]);
    return buildCommandTable(reply) ?? EMPTY_COMMAND_TABLE;
  } catch {
    return EMPTY_COMMAND_TABLE;
  } finally {
    connection?.destroy();
  }
}
