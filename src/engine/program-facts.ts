/**
 * What a program answer did besides its commands (which go to the attempt's
 * `commands`, as typed lines do): what it printed, how it ended, its
 * connections, what they were subscribed to and received. The program
 * checks (output, exitCode, connections, received, subscribed) read it.
 */

/** How the run ended: by itself, stopped while it waited on Redis (a listener, a worker loop), or otherwise. */
export type ProgramEnding = 'exited' | 'stopped-waiting' | 'stopped';

export interface ProgramSubscriptions {
  /** Which of the program's connections (1 = the first it opened). */
  connection: number;
  channels: readonly string[];
  patterns: readonly string[];
}

export interface ProgramMessage {
  connection: number;
  channel: string;
  /** For a PSUBSCRIBE delivery, the pattern that matched. */
  pattern?: string;
  message: string;
}

export interface ProgramFacts {
  /** The end of what it printed, stdout and stderr interleaved. */
  output: string;
  /** `output` holds only the end. */
  outputTruncated: boolean;
  exitCode: number | null;
  signal: string | null;
  ending: ProgramEnding;
  /** Connections the program opened to Redis, in all. */
  connectionsOpened: number;
  /** Every set of subscriptions a connection held, as the server confirmed them, in order. */
  subscriptions: readonly ProgramSubscriptions[];
  /** Messages the server delivered to the program's connections. */
  received: readonly ProgramMessage[];
}
