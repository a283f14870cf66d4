import { directiveName, type Actor } from '../course/schema.js';
import { parseClientList } from '../engine/client-list.js';
import { parseCommandLine } from '../engine/command-line.js';

/**
 * What the learner's MONITOR shows of the tutor's own traffic.
 *
 * The tutor keeps working while the learner monitors: the checks (the
 * monitor exercise must see the connection in monitor mode) and, on the same
 * checker connection, the actors that play the other client. The checks'
 * reads would flood the feed and teach nothing, yet the actor's commands are
 * exactly what the learner is meant to watch. So lines from the tutor's
 * clients (found by name in CLIENT LIST, their address is in each MONITOR
 * line) are hidden unless they are a command one of the exercise's actors
 * runs. Lines from anyone else, the learner's other terminals included, pass.
 */
export class MonitorFilter {
  constructor(
    /** `ip:port` of every connection named like the tutor's checker. */
    private readonly tutorClients: ReadonlySet<string>,
    /** The actors' commands as MONITOR quotes them, e.g. `"INCR" "views:home"`. */
    private readonly actorCommands: ReadonlySet<string>,
  ) {}

  static fromClientList(clientList: string, checkerName: string, actors: readonly Actor[]): MonitorFilter {
    const tutorClients = new Set(parseClientList(clientList).flatMap((client) => (client.name === checkerName && client.addr ? [client.addr] : [])));
    const actorCommands = new Set<string>();
    for (const line of actors.flatMap((actor) => actor.run)) {
      if (directiveName(line.text) !== undefined) continue;
      try {
        actorCommands.add(monitorCommandText(parseCommandLine(line.text)));
      } catch {
        // A line that does not parse never runs, so it never shows up either.
      }
    }
    return new MonitorFilter(tutorClients, actorCommands);
  }

  /** Should this MONITOR line reach the learner's screen? */
  shows(line: string): boolean {
    const parsed = parseMonitorLine(line);
    if (!parsed || !this.tutorClients.has(parsed.client)) return true;
    return this.actorCommands.has(parsed.command);
  }
}

export interface MonitorLine {
  db: number;
  /** `127.0.0.1:53122`, `lua`, `unix:/path`. */
  client: string;
  /** The quoted arguments, as sent. */
  command: string;
}

/** `1715000000.123456 [0 127.0.0.1:53122] "INCR" "views:home"` */
export function parseMonitorLine(line: string): MonitorLine | undefined {
  const match = /^\d+\.\d+ \[(\d+) ([^\]]*)\] (.*)$/s.exec(line);
  if (!match) return undefined;
  return { db: Number(match[1]), client: match[2] ?? '', command: match[3] ?? '' };
}

/** The arguments as replicationFeedMonitors() writes them: each through sdscatrepr(), space-separated. */
export function monitorCommandText(args: readonly Buffer[]): string {
  return args.map(sdsRepr).join(' ');
}

const ESCAPES: Readonly<Record<number, string>> = { 0x5c: '\\\\', 0x22: '\\"', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x07: '\\a', 0x08: '\\b' };

/** sdscatrepr(): quoted, with C escapes and \xHH for every byte that is not printable ASCII. */
function sdsRepr(bytes: Buffer): string {
  let out = '"';
  for (const byte of bytes) {
    const escape = ESCAPES[byte];
    if (escape !== undefined) out += escape;
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `${out}"`;
}
