/**
 * What the tap (./redis-tap.ts) tells about a program's connections to
 * Redis. Plain data: the engine's program observer listens (it matches
 * TapListener by shape, since the engine does not import this layer).
 */

/** One connection of the program, as the tap sees it at this moment. */
export interface TapConnectionInfo {
  /** 1, 2, 3... in the order the program opened them. */
  id: number;
  /** The tap's own end of the connection to the server, as CLIENT LIST shows it (`addr=`); undefined until connected. */
  serverSideAddress: string | undefined;
  /** Commands sent and not answered yet (a blocking command waits here). */
  awaitingReplies: number;
  /** What the server confirmed this connection is subscribed to. */
  channels: ReadonlySet<string>;
  patterns: ReadonlySet<string>;
  shardChannels: ReadonlySet<string>;
  open: boolean;
}

/**
 * What the server pushed to a connection: a subscription confirmed or ended,
 * or a message it received (`pattern` for PSUBSCRIBE deliveries).
 */
export type TapPush =
  | { kind: 'subscribed' | 'unsubscribed'; family: 'channel' | 'pattern' | 'shard'; name: string | undefined; count: number }
  | { kind: 'message'; channel: string; pattern?: string; message: string };

/**
 * How a command ended: answered without an error, with an error, or sent on a
 * connection whose replies the tap no longer pairs with commands (MONITOR,
 * CLIENT REPLY OFF, bytes it could not read).
 */
export type TapOutcome = 'ok' | 'error' | 'unpaired';

export interface TapListener {
  /**
   * Asked as each command is read, before it is forwarded: true keeps the
   * rest of what this connection sends from the server until the command is
   * answered and `answered` has settled (an actor runs in that gap).
   */
  holdAfter(args: readonly string[]): boolean;
  answered(connection: TapConnectionInfo, args: string[], outcome: TapOutcome): void | Promise<void>;
  pushed(connection: TapConnectionInfo, push: TapPush): void | Promise<void>;
  /** Bytes went one way or the other: the program is not idle. */
  activity(): void;
  /**
   * While the listener acts (an actor runs), a promise for when it is done:
   * what any connection sends meanwhile, and any new connection to the
   * server, waits for it — nothing of the program runs in the middle of an
   * actor, as nothing typed does. Undefined when nothing is going on.
   */
  gate(): Promise<void> | undefined;
}
