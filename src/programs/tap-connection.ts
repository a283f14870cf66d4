import type { Socket } from 'node:net';
import { RespParser } from '../resp/parser.js';
import type { Reply } from '../resp/types.js';
import { RequestReader, type ReadCommand } from './request-reader.js';
import type { TapConnectionInfo, TapListener, TapOutcome, TapPush } from './tap-events.js';

/** A command waiting for its answer: one reply, or (SUBSCRIBE and kin) one confirmation per name. */
interface Pending {
  args: string[];
  kind: 'reply' | 'confirm';
  /** Confirmations still to come; undefined until the first one (an argument-less UNSUBSCRIBE ends all there are). */
  confirmsLeft: number | undefined;
  answered: boolean;
  hold: boolean;
}

interface Held {
  chunk: Buffer;
  commands: ReadCommand[];
  from: number;
}

const SUBSCRIBE_FAMILY: ReadonlyMap<string, { kind: 'subscribed' | 'unsubscribed'; family: 'channel' | 'pattern' | 'shard' }> = new Map([
  ['SUBSCRIBE', { kind: 'subscribed', family: 'channel' }],
  ['PSUBSCRIBE', { kind: 'subscribed', family: 'pattern' }],
  ['SSUBSCRIBE', { kind: 'subscribed', family: 'shard' }],
  ['UNSUBSCRIBE', { kind: 'unsubscribed', family: 'channel' }],
  ['PUNSUBSCRIBE', { kind: 'unsubscribed', family: 'pattern' }],
  ['SUNSUBSCRIBE', { kind: 'unsubscribed', family: 'shard' }],
]);
const PUSH_KINDS: ReadonlyMap<string, { kind: 'subscribed' | 'unsubscribed'; family: 'channel' | 'pattern' | 'shard' }> = new Map(
  [...SUBSCRIBE_FAMILY].map(([name, meaning]) => [name.toLowerCase(), meaning]),
);
const MESSAGE_KINDS = new Set(['message', 'pmessage', 'smessage']);

/**
 * One connection of a program, passed through to the server byte for byte
 * while the tap reads both directions: the commands sent (./request-reader.ts)
 * and the replies, paired with them in order, so every command is known with
 * its outcome — admin commands and AUTH too, which MONITOR leaves out — and
 * the pushes (subscriptions confirmed, messages received) as the server
 * sent them. When the listener asks, what the program sends after a command
 * is kept back until the command is answered and the listener has acted: an
 * actor `after: MULTI` acts between a pipeline's MULTI and its EXEC.
 */
export class TapConnection {
  private readonly reader = new RequestReader();
  private readonly replies: RespParser;
  private readonly pending: Pending[] = [];
  private readonly channels = new Set<string>();
  private readonly patterns = new Set<string>();
  private readonly shardChannels = new Set<string>();
  /** Replies are no longer paired with commands (MONITOR, CLIENT REPLY, unreadable bytes): outcomes are unknown. */
  private unpaired = false;
  private readingReplies = true;
  private held: Held | undefined;
  private readonly queued: Buffer[] = [];
  private holding = false;
  private waitingForDrain = false;
  private clientEnded = false;
  private closed = false;

  constructor(
    readonly id: number,
    private readonly client: Socket,
    private readonly server: Socket,
    private readonly listener: TapListener,
    private readonly track: (work: Promise<unknown>) => void,
    private readonly onClosed: () => void,
  ) {
    this.replies = new RespParser((reply) => this.onReply(reply));
    client.on('data', (chunk: Buffer) => this.onClientData(chunk));
    server.on('data', (chunk: Buffer) => this.onServerData(chunk));
    // What the program sent before it went is still run and answered (an actor after its last command acts).
    const clientGone = () => {
      this.clientEnded = true;
      if (!this.holding) server.end();
    };
    client.on('end', clientGone);
    client.on('close', clientGone);
    server.on('close', () => this.close());
    client.on('error', () => undefined);
    server.on('error', () => undefined);
    server.on('drain', () => {
      this.waitingForDrain = false;
      if (!this.holding) client.resume();
    });
    client.on('drain', () => server.resume());
  }

  info(): TapConnectionInfo {
    const address = this.server.localAddress;
    const port = this.server.localPort;
    return {
      id: this.id,
      // Redis writes an IPv6 peer in brackets: addr=[::1]:50312.
      serverSideAddress: address !== undefined && port !== undefined ? (address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`) : undefined,
      awaitingReplies: this.pending.filter((entry) => entry.kind === 'reply').length,
      channels: this.channels,
      patterns: this.patterns,
      shardChannels: this.shardChannels,
      open: !this.closed,
    };
  }

  destroy(): void {
    this.client.destroy();
    this.server.destroy();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.client.end();
    this.onClosed();
  }

  private onClientData(chunk: Buffer): void {
    this.listener.activity();
    if (this.holding) {
      this.queued.push(chunk);
      return;
    }
    const gate = this.listener.gate();
    if (!gate) {
      this.process(chunk);
      return;
    }
    this.queued.push(chunk);
    this.holding = true;
    this.client.pause();
    void gate.catch(() => undefined).finally(() => this.resume());
  }

  /** Forwards a chunk the program sent, command by command, stopping after one the listener holds on. */
  private process(chunk: Buffer, parsed?: ReadCommand[], from = 0): void {
    const commands = parsed ?? (this.reader.broken ? [] : this.reader.feed(chunk));
    if (this.reader.broken) this.unpair();
    const forwarded = from;
    for (const [i, command] of commands.entries()) {
      if (!this.sent(command.args)) continue;
      this.forward(chunk.subarray(forwarded, command.end));
      this.held = { chunk, commands: commands.slice(i + 1), from: command.end };
      this.holding = true;
      this.client.pause();
      return;
    }
    this.forward(chunk.subarray(forwarded));
  }

  private forward(bytes: Buffer): void {
    if (bytes.length === 0 || this.server.destroyed) return;
    if (!this.server.write(bytes)) {
      this.waitingForDrain = true;
      this.client.pause();
    }
  }

  private resume(): void {
    this.holding = false;
    const held = this.held;
    this.held = undefined;
    if (held) this.process(held.chunk, held.commands, held.from);
    while (!this.holding && this.queued.length > 0) this.process(this.queued.shift() as Buffer);
    if (this.holding) return;
    if (this.clientEnded) this.server.end();
    else if (!this.waitingForDrain) this.client.resume();
  }

  /** Notes a command the program sent; true when the connection is to be held after it. */
  private sent(args: string[]): boolean {
    const name = (args[0] ?? '').toUpperCase();
    if (this.unpaired) {
      this.answer({ args, kind: 'reply', confirmsLeft: 0, answered: false, hold: false }, 'unpaired');
      return false;
    }
    const subscribing = SUBSCRIBE_FAMILY.has(name);
    const hold = this.listener.holdAfter(args);
    this.pending.push({ args, kind: subscribing ? 'confirm' : 'reply', confirmsLeft: subscribing && args.length > 1 ? args.length - 1 : undefined, answered: false, hold });
    // CLIENT REPLY OFF and SKIP get no reply themselves: nothing can be paired from here on.
    if (name === 'CLIENT' && (args[1] ?? '').toUpperCase() === 'REPLY' && (args[2] ?? '').toUpperCase() !== 'ON') this.unpair();
    return hold && !this.unpaired;
  }

  private onServerData(chunk: Buffer): void {
    this.listener.activity();
    if (!this.client.destroyed && !this.client.write(chunk)) this.server.pause();
    if (!this.readingReplies) return;
    try {
      this.replies.feed(chunk);
    } catch {
      this.readingReplies = false;
      this.unpair();
    }
  }

  private onReply(reply: Reply): void {
    const push = this.asPush(reply);
    if (push) {
      this.onPush(push);
      return;
    }
    // Other RESP3 pushes (client-side caching invalidations) answer no command.
    if (this.unpaired || reply.type === 'push') return;
    const head = this.pending.shift();
    if (!head) return;
    this.answer(head, reply.type === 'error' ? 'error' : 'ok');
    // After MONITOR's +OK the server streams what everyone runs: nothing more is a reply.
    if ((head.args[0] ?? '').toUpperCase() === 'MONITOR' && reply.type !== 'error') this.unpair();
  }

  private onPush(push: TapPush): void {
    if (push.kind !== 'message') {
      const set = push.family === 'channel' ? this.channels : push.family === 'pattern' ? this.patterns : this.shardChannels;
      if (push.name !== undefined) {
        if (push.kind === 'subscribed') set.add(push.name);
        else set.delete(push.name);
      }
      const head = this.pending[0];
      if (head?.kind === 'confirm' && !this.unpaired) {
        head.confirmsLeft ??= Math.max(1, set.size + (push.name !== undefined ? 1 : 0));
        if (!head.answered) this.answer(head, 'ok');
        head.confirmsLeft -= 1;
        if (head.confirmsLeft <= 0) this.pending.shift();
      }
    }
    this.track(Promise.resolve(this.listener.pushed(this.info(), push)));
  }

  private answer(entry: Pending, outcome: TapOutcome): void {
    entry.answered = true;
    const acting = Promise.resolve(this.listener.answered(this.info(), entry.args, outcome));
    this.track(acting);
    if (entry.hold) void acting.catch(() => undefined).finally(() => this.resume());
  }

  /** Everything still waiting is answered as unknown; later commands too. */
  private unpair(): void {
    if (this.unpaired) return;
    this.unpaired = true;
    for (const entry of this.pending.splice(0)) if (!entry.answered) this.answer({ ...entry, hold: false }, 'unpaired');
    if (this.holding && !this.pending.some((entry) => entry.hold)) this.resume();
  }

  /** A RESP3 push, or in RESP2 an array a subscribed connection gets: ["message", channel, payload], ["subscribe", channel, count]... */
  private asPush(reply: Reply): TapPush | undefined {
    if (reply.type !== 'push' && reply.type !== 'array') return undefined;
    const items = reply.items.map(text);
    const kind = (items[0] ?? '').toLowerCase();
    if (reply.type === 'array') {
      const expectingConfirmation = this.pending[0]?.kind === 'confirm';
      const subscribed = this.channels.size + this.patterns.size + this.shardChannels.size > 0;
      if (!subscribed && !expectingConfirmation) return undefined;
    }
    const meaning = PUSH_KINDS.get(kind);
    if (meaning) return { ...meaning, name: items[1], count: Number(items[2] ?? 0) };
    if (!MESSAGE_KINDS.has(kind)) return undefined;
    if (kind === 'pmessage') return { kind: 'message', pattern: items[1] ?? '', channel: items[2] ?? '', message: items[3] ?? '' };
    return { kind: 'message', channel: items[1] ?? '', message: items[2] ?? '' };
  }
}

function text(reply: Reply): string | undefined {
  return reply.type === 'bulk' || reply.type === 'status' || reply.type === 'verbatim' ? reply.value.toString('utf8') : reply.type === 'integer' ? String(reply.value) : undefined;
}
