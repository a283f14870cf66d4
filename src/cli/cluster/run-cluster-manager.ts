/**
 * redis-cli 7.0's cluster manager mode (`--cluster <subcommand>`):
 * validateClusterManagerCommand(), then the subcommand, then exit 0 on
 * success and 1 otherwise (clusterManagerMode()). Everything the manager
 * says goes to stdout; only the front end's errors and failed connections
 * go to stderr, as in redis-cli.
 */
import type { Io } from '../../io.js';
import { UserError } from '../../errors.js';
import { resolveLanguage } from '../../course/language.js';
import { CliExit } from '../cli-exit.js';
import { OutputSink } from '../output-sink.js';
import { readLineBatches } from '../stdin-lines.js';
import type { ClusterCommand } from './cluster-args.js';
import { ClusterLog } from './cluster-log.js';
import { unsupportedSubcommand } from './cluster-texts.js';
import { closeAll, type ManagerContext } from './manager-context.js';
import type { Credentials } from './manager-node.js';
import { SUBCOMMANDS } from './subcommands.js';

/** clusterManagerCommands[]: name and arity (negative: at least that many). */
const ARITY: Record<string, number> = {
  create: -2,
  check: -1,
  info: -1,
  fix: -1,
  reshard: -1,
  rebalance: -1,
  'add-node': 2,
  'del-node': 2,
  call: -2,
  'set-timeout': 2,
  import: 1,
  backup: 2,
  help: 0,
};

export async function runClusterManager(command: ClusterCommand, credentials: Credentials, io: Io): Promise<number> {
  const sink = new OutputSink(io.stdout, io.stderr);
  const arity = ARITY[command.name];
  if (arity === undefined) {
    sink.errorLine('Unknown --cluster subcommand\n');
    return 1;
  }
  const count = command.args.length;
  if ((arity > 0 && count !== arity) || (arity < 0 && count < -arity)) {
    sink.errorLine('[ERR] Wrong number of arguments for specified --cluster sub command\n');
    return 1;
  }
  const run = SUBCOMMANDS[command.name];
  if (run === undefined) {
    const { message, nextStep } = unsupportedSubcommand(resolveLanguage(undefined, io.env), command.name, Object.keys(SUBCOMMANDS));
    throw new UserError(message, nextStep);
  }
  const answers = new StdinAnswers(io.stdin);
  const context: ManagerContext = {
    log: ClusterLog.forTerm(sink, io.env),
    credentials,
    options: command.options,
    nodes: [],
    errors: [],
    unreachableMasters: 0,
    fix: false,
    readAnswer: (maxBytes) => answers.read(maxBytes),
  };
  try {
    return (await run(context, command.args)) ? 0 : 1;
  } catch (error) {
    // Where redis-cli's manager calls exit() part way (a fix it will not risk).
    if (error instanceof CliExit) return error.code;
    throw error;
  } finally {
    closeAll(context);
    answers.close();
    await sink.flush();
  }
}

/**
 * The answers to the manager's questions, read from stdin a line at a time
 * (redis-cli read()s at most a few bytes from a terminal, which gives it one line).
 */
class StdinAnswers {
  private lines: AsyncIterator<Buffer[]> | null = null;
  private pending: Buffer[] = [];

  constructor(private readonly stdin: Io['stdin']) {}

  async read(maxBytes: number): Promise<string | null> {
    if (this.pending.length === 0) {
      this.lines ??= readLineBatches(this.stdin)[Symbol.asyncIterator]();
      const next = await this.lines.next();
      if (next.done === true) return null;
      this.pending = next.value;
    }
    const line = this.pending.shift();
    return line === undefined ? null : line.subarray(0, maxBytes).toString('utf8');
  }

  close(): void {
    if (this.lines !== null) void this.lines.return?.();
    this.stdin.destroy();
  }
}
