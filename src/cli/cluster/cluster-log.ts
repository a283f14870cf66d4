/**
 * clusterManagerLog(): the cluster manager's lines, all on stdout, coloured
 * when TERM contains `xterm` (isColorTerm()) with the reset written after
 * the text, its newline included, exactly as redis-cli writes it.
 */
import type { OutputSink } from '../output-sink.js';

const COLOURS = { info: '29;1m', warn: '33;1m', err: '31;1m', ok: '32;1m' } as const;
type Level = keyof typeof COLOURS;

export class ClusterLog {
  constructor(
    private readonly sink: OutputSink,
    private readonly colour: boolean,
  ) {}

  static forTerm(sink: OutputSink, env: NodeJS.ProcessEnv): ClusterLog {
    return new ClusterLog(sink, (env['TERM'] ?? '').includes('xterm'));
  }

  info(text: string): void {
    this.log('info', text);
  }

  warn(text: string): void {
    this.log('warn', text);
  }

  err(text: string): void {
    this.log('err', text);
  }

  ok(text: string): void {
    this.log('ok', text);
  }

  /** printf(): never coloured. */
  print(text: string): void {
    this.sink.write(text);
  }

  /** fprintf(stderr, ...), after what stdout holds so far. */
  stderr(text: string): void {
    this.sink.errorLine(text);
  }

  /** CLUSTER_MANAGER_PRINT_REPLY_ERROR. */
  replyError(node: { ip: string; port: number }, error: string): void {
    this.err(`Node ${node.ip}:${node.port} replied with error:\n${error}\n`);
  }

  flush(): Promise<void> {
    return this.sink.flush();
  }

  private log(level: Level, text: string): void {
    this.sink.write(this.colour ? `\x1b[${COLOURS[level]}${text}\x1b[0m` : text);
  }
}
