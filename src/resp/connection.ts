/**
 * One RESP connection to a server, over TCP or TLS. It sends exactly what it
 * is given: no AUTH, SELECT, HELLO or CLIENT SETNAME of its own, because a
 * redis-cli clone must send only what the learner types.
 *
 * Two ways to use it, not to be mixed while replies are outstanding:
 * - request/response: send() resolves with the reply to that command
 *   (pipelined, FIFO); error replies resolve too, as `{type: 'error'}`.
 * - stream: write() sends without waiting, and read() returns, in arrival
 *   order, every reply that no send() claimed: RESP3 pushes (never claimed),
 *   subscribe messages, MONITOR lines, and the replies to write(). Pulling
 *   keeps the server's order, which callbacks could not: redis-cli prints an
 *   invalidation push that arrived after `+OK` only after printing `OK`.
 */
import { Socket, isIP } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { encodeCommand } from './encode.js';
import { RespParser, RespProtocolError } from './parser.js';
import { SubscriptionReplies } from './subscription-replies.js';
import type { Reply } from './types.js';

export interface CloseReason {
  kind: 'server-closed' | 'io-error' | 'protocol-error' | 'closed-locally';
  /** hiredis' wording, what redis-cli prints after `Error: ` (e.g. `Server closed the connection`). */
  message: string;
  /** The errno name for io-error, e.g. ECONNRESET. */
  code?: string;
}

/** Where to connect: a ConnectionSpec (src/redis/target.ts) is one; the protocol needs no more. */
export interface RespEndpoint {
  host: string;
  port: number;
  tls: boolean;
}

/** Rejects send() and read() once the connection is gone. */
export class ConnectionClosedError extends Error {
  readonly reason: CloseReason;

  constructor(reason: CloseReason) {
    super(`Connection closed: ${reason.message}`);
    this.name = 'ConnectionClosedError';
    this.reason = reason;
  }
}

/** The connection could not be opened; `reason` is the strerror-style text redis-cli shows. */
export class ConnectError extends Error {
  readonly reason: string;
  readonly code: string | undefined;

  constructor(address: string, reason: string, code: string | undefined) {
    super(`Could not connect to Redis at ${address}: ${reason}`);
    this.name = 'ConnectError';
    this.reason = reason;
    this.code = code;
  }
}

/** glibc strerror / gai_strerror texts, so messages read like redis-cli's. */
const SYSTEM_ERROR_TEXT: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'Connection refused',
  ECONNRESET: 'Connection reset by peer',
  EPIPE: 'Broken pipe',
  ETIMEDOUT: 'Connection timed out',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ENOTFOUND: 'Name or service not known',
  EAI_AGAIN: 'Temporary failure in name resolution',
};

function errorCode(error: Error): string | undefined {
  const code: unknown = (error as NodeJS.ErrnoException).code;
  return typeof code === 'string' ? code : undefined;
}

function describeSystemError(error: Error): string {
  const code = errorCode(error);
  return (code !== undefined ? SYSTEM_ERROR_TEXT[code] : undefined) ?? error.message;
}

/** redis-cli's keepalive interval (REDIS_CLI_KEEPALIVE_INTERVAL). */
const KEEPALIVE_MS = 15_000;

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

/** A send() waiting for its reply; a SUBSCRIBE of several channels gets more, which no send() claims. */
interface ReplyWaiter extends Waiter<Reply> {
  replies: number;
}

/** A FIFO that stays O(1) per operation with tens of thousands of entries in flight. */
class Queue<T> {
  private items: T[] = [];
  private head = 0;

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  drain(): T[] {
    const rest = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    return rest;
  }
}

export class RespConnection {
  private readonly socket: Socket;
  private readonly parser: RespParser;
  private readonly awaitingReply = new Queue<ReplyWaiter>();
  private readonly subscriptions = new SubscriptionReplies();
  /** Confirmations still to come for a SUBSCRIBE that named several channels, after the first answered its send(). */
  private extraConfirmations = 0;
  private readonly unclaimed = new Queue<Reply>();
  private readonly readers = new Queue<Waiter<Reply>>();
  private readonly closeListeners = new Set<(reason: CloseReason) => void>();
  private closeReason: CloseReason | null = null;
  /** Set when the socket reports why it is about to close. */
  private failure: CloseReason | null = null;
  private corked = false;

  static connect(spec: RespEndpoint, opts: { connectTimeoutMs?: number } = {}): Promise<RespConnection> {
    // No brackets around IPv6 here: redis-cli prints config.hostip as given.
    const address = `${spec.host}:${spec.port}`;
    return new Promise((resolve, reject) => {
      const socket = spec.tls
        ? tlsConnect({ host: spec.host, port: spec.port, servername: isIP(spec.host) ? undefined : spec.host })
        : new Socket().connect({ host: spec.host, port: spec.port });
      const timer =
        opts.connectTimeoutMs === undefined
          ? undefined
          : setTimeout(() => fail(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })), opts.connectTimeoutMs);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(new ConnectError(address, describeSystemError(error), errorCode(error)));
      };
      socket.once('error', fail);
      socket.once(spec.tls ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        socket.off('error', fail);
        resolve(new RespConnection(socket));
      });
    });
  }

  private constructor(socket: Socket) {
    this.socket = socket;
    this.parser = new RespParser((reply) => this.dispatch(reply));
    socket.setNoDelay(true);
    socket.setKeepAlive(true, KEEPALIVE_MS);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('end', () => {
      this.failure ??= { kind: 'server-closed', message: 'Server closed the connection' };
    });
    socket.on('error', (error: Error) => {
      this.failure ??= { kind: 'io-error', message: describeSystemError(error), code: errorCode(error) };
    });
    socket.on('close', () => this.finish(this.failure ?? { kind: 'server-closed', message: 'Server closed the connection' }));
  }

  /** Why the connection ended, or null while it is open. */
  get closed(): CloseReason | null {
    return this.closeReason;
  }

  /** Sends one command and resolves with its reply (errors included). Rejects with ConnectionClosedError. */
  send(args: readonly Buffer[]): Promise<Reply> {
    return new Promise((resolve, reject) => {
      if (this.closeReason) {
        reject(new ConnectionClosedError(this.closeReason));
        return;
      }
      this.awaitingReply.push({ resolve, reject, replies: this.subscriptions.repliesTo(args) });
      this.transmit(args);
    });
  }

  /** Sends one command whose replies will come out of read(). Throws ConnectionClosedError. */
  write(args: readonly Buffer[]): void {
    if (this.closeReason) throw new ConnectionClosedError(this.closeReason);
    this.transmit(args);
  }

  /**
   * The next reply no send() claimed, in arrival order. Replies that arrived
   * before the close are still returned; after them it rejects with ConnectionClosedError.
   */
  read(): Promise<Reply> {
    const ready = this.unclaimed.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.closeReason) return Promise.reject(new ConnectionClosedError(this.closeReason));
    return new Promise((resolve, reject) => this.readers.push({ resolve, reject }));
  }

  /** Called once, when the connection ends for any reason. Returns an unsubscribe function. */
  onClose(listener: (reason: CloseReason) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Closes after flushing what was written; replies still in flight are lost. */
  close(): Promise<void> {
    if (this.closeReason) return Promise.resolve();
    this.failure ??= { kind: 'closed-locally', message: 'Connection closed by client' };
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.end();
    });
  }

  /** Drops the connection at once. */
  destroy(): void {
    this.failure ??= { kind: 'closed-locally', message: 'Connection closed by client' };
    this.socket.destroy();
  }

  private transmit(args: readonly Buffer[]): void {
    // Commands sent in the same tick leave in one write, as a pipeline should.
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(encodeCommand(args));
  }

  private receive(chunk: Buffer): void {
    try {
      this.parser.feed(chunk);
    } catch (error) {
      if (!(error instanceof RespProtocolError)) throw error;
      this.failure ??= { kind: 'protocol-error', message: error.message };
      this.socket.destroy();
    }
  }

  private dispatch(reply: Reply): void {
    const kind = this.subscriptions.observe(reply);
    const answersNoCommand = kind === 'message' || (kind === 'confirmation' && this.extraConfirmations > 0);
    if (kind === 'confirmation' && this.extraConfirmations > 0) this.extraConfirmations -= 1;
    if (reply.type !== 'push' && !answersNoCommand) {
      const waiter = this.awaitingReply.shift();
      if (waiter) {
        if (kind === 'confirmation') this.extraConfirmations += waiter.replies - 1;
        waiter.resolve(reply);
        return;
      }
    }
    const reader = this.readers.shift();
    if (reader) reader.resolve(reply);
    else this.unclaimed.push(reply);
  }

  private finish(reason: CloseReason): void {
    if (this.closeReason) return;
    this.closeReason = reason;
    const error = new ConnectionClosedError(reason);
    for (const waiter of this.awaitingReply.drain()) waiter.reject(error);
    for (const reader of this.readers.drain()) reader.reject(error);
    for (const listener of this.closeListeners) listener(reason);
    this.closeListeners.clear();
  }
}
