import { buildCommandTable, EMPTY_COMMAND_TABLE, type CommandTable } from '../../redis-cli/command-docs.js';
import { completionsFor } from '../../redis-cli/completion.js';
import { genericHelpText, helpText } from '../../redis-cli/help.js';
import { hintFor } from '../../redis-cli/hints.js';
import { History } from '../../redis-cli/history.js';
import { learnerHandshake } from '../../redis/checker.js';
import type { ConnectionSpec } from '../../redis/target.js';
import { RespConnection } from '../../resp/connection.js';

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
  readonly history: History;
  /** `:set hints` / `:set nohints`, as in redis-cli. */
  hintsEnabled: boolean;
}

export function promptServices(table: CommandTable): PromptServices {
  const services: PromptServices = {
    hintsEnabled: true,
    hint: (line) => (services.hintsEnabled ? hintFor(line, table) : null),
    completions: (line) => completionsFor(line, table),
    help: (args) => (args.length === 0 ? genericHelpText() : helpText(args, table)),
    history: new History(),
  };
  return services;
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
