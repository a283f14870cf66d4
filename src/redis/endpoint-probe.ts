import { Socket, isIP } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { encodeCommand } from '../resp/encode.js';

/*
 * A short, raw conversation with whatever listens at an address, so a failure
 * can be named for what it is (nothing there, not Redis, the wrong one of
 * TLS and plain text, no answer) instead of the socket error it surfaced as
 * (write EPIPE, connect ETIMEDOUT). It reads only simple replies, which is
 * all the commands it is given answer with.
 */

export interface Endpoint {
  host: string;
  port: number;
  tls: boolean;
}

/** Why the conversation could not go on. */
export type ProbeFailure =
  /** No connection at all: refused, unknown host, no route, connect timeout. */
  | { kind: 'unreachable'; error: Error }
  /** rediss:// to a server that answered PING in plain text. */
  | { kind: 'speaks-plain' }
  /** redis:// to a server that completes a TLS handshake. */
  | { kind: 'speaks-tls' }
  /** rediss://: the TLS handshake failed (a certificate not trusted, a protocol mismatch). */
  | { kind: 'tls-failed'; error: Error }
  /** It answered with bytes no Redis sends first. */
  | { kind: 'not-redis'; sent: Buffer }
  /** It closed the connection before answering. */
  | { kind: 'closed' }
  /** It sent nothing (more) for `waitedMs`. */
  | { kind: 'silent'; waitedMs: number };

export type ProbeResult<T> = { ok: true; value: T } | { ok: false; failure: ProbeFailure };

export interface ProbeOptions {
  /** For the connection and then for each batch of answers; default 3 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 3_000;
/** A line longer than this without CRLF is not a Redis reply to PING, AUTH, SELECT or MULTI. */
const MAX_LINE = 4_096;
/** Bytes of a foreign answer kept to show. */
const KEEP_SENT = 64;

/** An open conversation: send a batch, read one reply per command. */
export class ProbeSession {
  private buffer = Buffer.alloc(0);
  private received = false;
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly endpoint: Endpoint,
    private readonly timeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.received = true;
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake?.();
    });
    const end = () => {
      this.ended = true;
      this.wake?.();
    };
    socket.on('close', end);
    socket.on('end', end);
    socket.on('error', end);
  }

  /**
   * Sends the commands in one write and returns their replies as text ("+OK",
   * "-NOPERM ..."): one per command, in order.
   */
  async exchange(commands: readonly (readonly string[])[]): Promise<ProbeResult<string[]>> {
    if (!this.ended) this.socket.write(Buffer.concat(commands.map((args) => encodeCommand(args.map((arg) => Buffer.from(arg))))));
    const replies: string[] = [];
    const deadline = Date.now() + this.timeoutMs;
    while (replies.length < commands.length) {
      const parsed = takeReply(this.buffer);
      if (parsed === 'foreign') return { ok: false, failure: this.foreign() };
      if (parsed !== undefined) {
        replies.push(parsed.reply);
        this.buffer = this.buffer.subarray(parsed.used);
        continue;
      }
      if (this.ended) return { ok: false, failure: await this.closedEarly() };
      const left = deadline - Date.now();
      if (left <= 0) return { ok: false, failure: { kind: 'silent', waitedMs: this.timeoutMs } };
      await this.nextEvent(left);
    }
    return { ok: true, value: replies };
  }

  close(): void {
    this.socket.destroy();
  }

  private foreign(): ProbeFailure {
    const sent = this.buffer.subarray(0, KEEP_SENT);
    this.close();
    // A TLS alert record (0x15 0x03 ...): a TLS server answering plain text.
    if (!this.endpoint.tls && sent[0] === 0x15 && sent[1] === 0x03) return { kind: 'speaks-tls' };
    return { kind: 'not-redis', sent: Buffer.from(sent) };
  }

  private async closedEarly(): Promise<ProbeFailure> {
    if (this.buffer.length > 0) return this.foreign();
    // A TLS server closes at once on plain text, usually without a word: ask it in TLS.
    if (!this.endpoint.tls && !this.received && (await speaksTls(this.endpoint, this.timeoutMs))) return { kind: 'speaks-tls' };
    return { kind: 'closed' };
  }

  /** Resolves on the next data or close, or after `ms`. */
  private nextEvent(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}

/**
 * Opens a connection (TLS for rediss://). A TLS handshake that does not
 * finish soon is checked against plain text at the same time: a plain Redis
 * says nothing to a TLS hello (it waits for a newline), so waiting for the
 * handshake's timeout would take seconds to say what a PING says at once.
 */
export function openProbe(endpoint: Endpoint, options: ProbeOptions = {}): Promise<ProbeResult<ProbeSession>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return endpoint.tls ? openTls(endpoint, timeoutMs) : openPlain(endpoint, timeoutMs);
}

function openPlain(endpoint: Endpoint, timeoutMs: number): Promise<ProbeResult<ProbeSession>> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const timer = setTimeout(() => fail(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' })), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ ok: false, failure: { kind: 'unreachable', error } });
    };
    socket.once('error', fail);
    socket.connect({ host: endpoint.host, port: endpoint.port }, () => {
      clearTimeout(timer);
      socket.off('error', fail);
      resolve({ ok: true, value: new ProbeSession(socket, endpoint, timeoutMs) });
    });
  });
}

function openTls(endpoint: Endpoint, timeoutMs: number): Promise<ProbeResult<ProbeSession>> {
  return new Promise((resolve) => {
    let settled = false;
    let connected = false;
    let plainCheck: Promise<boolean> | undefined;
    let plainTimer: NodeJS.Timeout | undefined;
    const started = Date.now();
    const socket: TLSSocket = tlsConnect({ host: endpoint.host, port: endpoint.port, ...(isIP(endpoint.host) === 0 ? { servername: endpoint.host } : {}) });
    const settle = (result: ProbeResult<ProbeSession>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(plainTimer);
      if (!result.ok) socket.destroy();
      resolve(result);
    };
    const checkPlain = (): Promise<boolean> => {
      plainCheck ??= answersPlainPing(endpoint, timeoutMs).then((plain) => {
        if (plain) settle({ ok: false, failure: { kind: 'speaks-plain' } });
        return plain;
      });
      return plainCheck;
    };
    const timer = setTimeout(() => {
      void checkPlain().then((plain) => {
        if (!plain) settle({ ok: false, failure: connected ? { kind: 'silent', waitedMs: timeoutMs } : unreachable('connect ETIMEDOUT', 'ETIMEDOUT') });
      });
    }, timeoutMs);
    socket.once('connect', () => {
      connected = true;
      // A TLS server answers the hello within about one round trip; the TCP connect just took one.
      plainTimer = setTimeout(() => void checkPlain(), Math.max(250, 3 * (Date.now() - started)));
    });
    const onError = (error: Error) => {
      if (!connected) {
        settle({ ok: false, failure: { kind: 'unreachable', error } });
        return;
      }
      void checkPlain().then((plain) => {
        if (!plain) settle({ ok: false, failure: { kind: 'tls-failed', error } });
      });
    };
    socket.once('error', onError);
    socket.once('secureConnect', () => {
      socket.off('error', onError);
      settle({ ok: true, value: new ProbeSession(socket, endpoint, timeoutMs) });
    });
  });
}

function unreachable(message: string, code: string): ProbeFailure {
  return { kind: 'unreachable', error: Object.assign(new Error(message), { code }) };
}

/** Whether a plain-text PING gets a Redis reply (+PONG, or -NOAUTH from a server with a password). */
function answersPlainPing(endpoint: Endpoint, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let bytes = Buffer.alloc(0);
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve((bytes[0] === 0x2b || bytes[0] === 0x2d) && bytes.includes('\r\n'));
    };
    const timer = setTimeout(done, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      bytes = Buffer.concat([bytes, chunk]);
      if (bytes.includes('\r\n') || bytes.length >= MAX_LINE) done();
    });
    socket.once('error', done);
    socket.once('close', done);
    socket.connect({ host: endpoint.host, port: endpoint.port }, () => socket.write('PING\r\n'));
  });
}

/** Whether a TLS handshake completes there (any certificate: this only asks which protocol the port speaks). */
function speaksTls(endpoint: Endpoint, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tlsConnect({ host: endpoint.host, port: endpoint.port, rejectUnauthorized: false, ...(isIP(endpoint.host) === 0 ? { servername: endpoint.host } : {}) });
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * One reply at the start of `buffer`: simple ones (+ - :) as their line,
 * a bulk string as its contents, an array as "*N"; undefined when more bytes
 * are needed, 'foreign' when no Redis would send this (another protocol's
 * greeting or error page).
 */
function takeReply(buffer: Buffer, offset = 0): { reply: string; used: number } | 'foreign' | undefined {
  if (buffer.length <= offset) return undefined;
  const type = String.fromCharCode(buffer[offset] ?? 0);
  if (!'+-:$*'.includes(type)) return 'foreign';
  const end = buffer.indexOf('\r\n', offset);
  if (end === -1) return buffer.length - offset > MAX_LINE ? 'foreign' : undefined;
  const line = buffer.subarray(offset, end).toString('utf8');
  const afterLine = end + 2 - offset;
  if (type !== '$' && type !== '*') return { reply: line, used: afterLine };
  const count = Number(line.slice(1));
  if (!Number.isInteger(count) || count < -1) return 'foreign';
  if (count === -1) return { reply: line, used: afterLine };
  if (type === '$') {
    const total = afterLine + count + 2;
    if (buffer.length - offset < total) return undefined;
    return { reply: buffer.subarray(end + 2, end + 2 + count).toString('utf8'), used: total };
  }
  let used = afterLine;
  for (let i = 0; i < count; i++) {
    const element = takeReply(buffer, offset + used);
    if (element === undefined || element === 'foreign') return element;
    used += element.used;
  }
  return { reply: line, used };
}

/** What a foreign peer sent, for people: its first line, printable, e.g. HTTP/1.1 400 Bad Request. */
export function describeSentBytes(sent: Buffer): string {
  const firstLine = sent.subarray(0, Math.max(0, sent.indexOf('\n')) || sent.length).toString('latin1').replace(/\r$/, '');
  const printable = firstLine.replace(/[^\x20-\x7e]/g, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return printable.length > 48 ? `${printable.slice(0, 48)}...` : printable;
}
