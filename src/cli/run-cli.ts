/**
 * `redis-tutor cli`: a session of redis-cli 7.0.15, byte for byte. Picks the
 * server (the flags, or the tutor's private redis-server), connects as
 * redis-cli does, then runs one of its three modes: one command from the
 * command line, lines from a pipe, or the interactive prompt on a terminal.
 */
import type { Io } from '../io.js';
import { isHelpCommand, helpText } from '../redis-cli/help.js';
import { HistoryFile } from '../redis-cli/history.js';
import { DEFAULT_PREFERENCES, loadPreferences, rcFilePath, type Preferences } from '../redis-cli/rc-file.js';
import { initialClientState } from '../redis-cli/client-state.js';
import { CliExit } from './cli-exit.js';
import { AUTH_WARNING, type CliOptions } from './cli-options.js';
import { HelpTable } from './help-table.js';
import { runInteractive } from './interactive-mode.js';
import { noInterrupts, type InterruptSource } from './interrupts.js';
import { LineExecutor } from './line-executor.js';
import { OutputSink } from './output-sink.js';
import { runPipedLines } from './piped-mode.js';
import { ServerLink } from './server-link.js';
import { readLineBatches } from './stdin-lines.js';

export interface RunCliDependencies {
  /** Ctrl-C while a command runs; default none (the subcommand passes the process' SIGINT). */
  interrupts?: InterruptSource;
}

interface Server {
  host: string;
  port: number;
  tls: boolean;
  /** The private server's own password (see LinkTarget.serverPassword); none for -h/-p/-u. */
  password?: string;
  release(): Promise<void>;
}

export async function runCli(options: CliOptions, io: Io, dependencies: RunCliDependencies = {}): Promise<number> {
  if (options.authWarning) io.stderr.write(AUTH_WARNING);
  if (options.cluster !== undefined) {
    // The manager connects to the nodes its arguments name, never to the private server.
    const { runClusterManager } = await import('./cluster/run-cluster-manager.js');
    return runClusterManager(options.cluster, { user: options.user, password: options.password }, io);
  }
  const server = await chooseServer(options, io.env);
  const sink = new OutputSink(io.stdout, io.stderr);
  // A reader that went away (`| head`) must not crash the session; redis-cli ignores SIGPIPE too.
  const ignore = (): void => undefined;
  io.stdout.on('error', ignore);
  const link = new ServerLink(
    {
      host: server.host,
      port: server.port,
      tls: server.tls,
      user: options.user,
      password: options.password,
      ...(server.password !== undefined ? { serverPassword: server.password } : {}),
    },
    initialClientState({ db: options.db, resp3: options.resp3 }),
    sink,
  );
  const oneShot = options.command.length > 0;
  const interactive = !oneShot && io.stdin.isTTY === true;
  let preferences: Preferences = DEFAULT_PREFERENCES;
  const helpTable = new HelpTable();
  const history = interactive ? HistoryFile.open(io.env) : null;
  const executor = new LineExecutor({
    link,
    sink,
    mode: options.mode,
    pushOutput: options.pushOutput,
    reconnectOnLoss: !oneShot,
    cancelAnyCommandOnInterrupt: interactive,
    commandTable: () => helpTable.ready(),
    preferences: { get: () => preferences, set: (next) => (preferences = next) },
    ...(history !== null ? { addToHistory: (line: Buffer) => void history.add(line) } : {}),
    // redis-cli announces a redirect in its REPL (config.interactive), whatever stdin is.
    clusterRedirects: options.clusterMode ? (oneShot ? 'silent' : 'announce') : 'off',
  });

  let requestExit: (code: number) => void = () => undefined;
  const exitRequested = new Promise<number>((resolve) => (requestExit = resolve));
  const stopInterrupts = (dependencies.interrupts ?? noInterrupts)(() => {
    const outcome = executor.interrupt();
    // redis-cli exits 1 on Ctrl-C except in subscribe/MONITOR mode (and, here, any command on a terminal).
    if (outcome === 'exit' || (outcome === 'idle' && !interactive)) requestExit(1);
  });

  const session = async (): Promise<number> => {
    if (oneShot) return runOneShot(options.command, executor, helpTable);
    await link.connect({ force: false });
    await helpTable.start(link);
    if (!interactive) {
      await runPipedLines(readLineBatches(io.stdin), executor);
      return 0;
    }
    const loaded = loadPreferences(rcFilePath(io.env), preferences);
    preferences = loaded.preferences;
    for (const message of loaded.messages) sink.write(message);
    await helpTable.ready();
    await runInteractive(io, { executor, history: history as HistoryFile, helpTable, preferences: () => preferences });
    return 0;
  };

  try {
    return await Promise.race([session(), exitRequested]);
  } catch (error) {
    if (error instanceof CliExit) return error.code;
    throw error;
  } finally {
    stopInterrupts();
    link.close();
    await sink.flush();
    await history?.flush();
    io.stdout.off('error', ignore);
    // A pipe still open, or a terminal, must not keep the process alive after the session.
    if (!oneShot) io.stdin.destroy();
    await server.release();
  }
}

/** redis-cli with command words: connect (or exit 1), run the command once, exit 0 (1 if it could not be sent). */
async function runOneShot(words: string[], executor: LineExecutor, helpTable: HelpTable): Promise<number> {
  const args = words.map((word) => Buffer.from(word, 'utf8'));
  if (!(await executor.link.connect({ force: false }))) return 1;
  if (isHelpCommand(args[0] as Buffer)) {
    await helpTable.start(executor.link);
    executor.sink.write(helpText(args.slice(1), await helpTable.ready()));
    return 0;
  }
  return (await executor.issueCommand(args, 1)) ? 0 : 1;
}

async function chooseServer(options: CliOptions, env: NodeJS.ProcessEnv): Promise<Server> {
  if (options.explicitTarget !== undefined) return { ...options.explicitTarget, release: () => Promise.resolve() };
  // cli is redis-cli, which never reads REDIS_URL: without -h/-p/-u it is the private server.
  const { REDIS_URL: _ignored, ...withoutUrl } = env;
  // Loaded only here: its Docker and --url paths pull in ioredis, which a pipe should not wait for.
  const { acquireRedis } = await import('../redis/acquire.js');
  const target = await acquireRedis({
    env: withoutUrl,
    handleSignals: false,
    ...(options.redisServerBin !== undefined ? { redisServerBin: options.redisServerBin } : {}),
  });
  const { host, port, tls, password } = target.spec;
  return { host, port, tls, ...(password !== undefined ? { password } : {}), release: () => target.release() };
}
