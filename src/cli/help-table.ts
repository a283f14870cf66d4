/**
 * cliInitHelp(): at the start of the REPL (and before a one-shot `help`),
 * redis-cli sends COMMAND DOCS and builds its help/hint/completion table
 * from the reply; if that fails it sends COMMAND (cliOldIntegrateHelp). The
 * tutor has no hand-written fallback table, so help is empty when the
 * server could not be asked.
 *
 * The request goes out at once, but nothing waits for it unless help is
 * needed: a pipe's first reply should not wait for a 170 kB table.
 */
import { ConnectionClosedError } from '../resp/connection.js';
import type { Reply } from '../resp/types.js';
import { buildCommandTable, EMPTY_COMMAND_TABLE, type CommandTable } from '../redis-cli/command-docs.js';
import type { ServerLink } from './server-link.js';

export class HelpTable {
  private reply: Promise<Reply | null> = Promise.resolve(null);
  private table: CommandTable | null = null;
  private loaded: Reply | null = null;

  /** Sends COMMAND DOCS, as redis-cli does at start-up (connecting quietly first if needed). */
  async start(link: ServerLink): Promise<void> {
    await link.connect({ force: false, quiet: true });
    const connection = link.connection;
    if (connection === null) return;
    const docs = connection.send([Buffer.from('COMMAND'), Buffer.from('DOCS')]);
    this.reply = docs.then(
      (reply) => {
        if (reply.type !== 'error') return reply;
        // Old servers (and NOAUTH): redis-cli then asks for COMMAND to extend its static table.
        connection.send([Buffer.from('COMMAND')]).catch(() => undefined);
        return null;
      },
      (error: unknown) => {
        if (error instanceof ConnectionClosedError) return null;
        throw error;
      },
    );
  }

  /** The table, once the server's answer is in. */
  async ready(): Promise<CommandTable> {
    this.loaded = await this.reply;
    return this.get();
  }

  /** The table as far as it is known now (empty until ready() resolved); built on first use. */
  get(): CommandTable {
    if (this.table !== null) return this.table;
    if (this.loaded === null) return EMPTY_COMMAND_TABLE;
    this.table = buildCommandTable(this.loaded) ?? EMPTY_COMMAND_TABLE;
    return this.table;
  }
}
