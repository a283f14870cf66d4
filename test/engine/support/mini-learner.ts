import { Socket, connect } from 'node:net';
import type { LearnerConnection } from '../../../src/engine/learner-connection.js';
import type { ConnectionSpec } from '../../../src/redis/target.js';
import type { Reply } from '../../../src/resp/types.js';

/**
 * A bare RESP2 learner connection for engine tests: pipelined sends, one
 * reply per command, pushes after a SUBSCRIBE confirmation kept aside. It
 * stands in for the product's RespConnection wherever that is not needed.
 */
export async function connectMiniLearner(spec: ConnectionSpec): Promise<LearnerConnection & { pushes: Reply[] }> {
  const socket: Socket = connect(spec.port, spec.host);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const waiting: Array<{ resolve: (reply: Reply) => void; reject: (error: Error) => void }> = [];
  const pushes: Reply[] = [];
  let buffer = Buffer.alloc(0);
  let closed = false;
  const failAll = (error: Error) => {
    closed = true;
    for (const entry of waiting.splice(0)) entry.reject(error);
  };
  socket.on('error', failAll);
  socket.on('close', () => failAll(new Error('connection closed')));
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const parsed = parse(buffer, 0);
      if (!parsed) return;
      buffer = buffer.subarray(parsed.end);
      const reply = parsed.reply;
      const isMessage = reply.type === 'array' && reply.items[0]?.type === 'bulk' && ['message', 'pmessage'].includes(reply.items[0].value.toString());
      if (isMessage || waiting.length === 0) pushes.push(reply);
      else waiting.shift()?.resolve(reply);
    }
  });
  return {
    pushes,
    send(args: Buffer[]): Promise<Reply> {
      if (closed) return Promise.reject(new Error('not connected'));
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
        for (const arg of args) parts.push(Buffer.from(`$${arg.length}\r\n`), arg, Buffer.from('\r\n'));
        socket.write(Buffer.concat(parts));
      });
    },
    close() {
      socket.destroy();
    },
  };
}

function parse(buffer: Buffer, start: number): { reply: Reply; end: number } | undefined {
  const lineEnd = buffer.indexOf('\r\n', start);
  if (lineEnd < 0) return undefined;
  const kind = String.fromCharCode(buffer[start] ?? 0);
  const line = buffer.subarray(start + 1, lineEnd);
  const next = lineEnd + 2;
  switch (kind) {
    case '+':
      return { reply: { type: 'status', value: Buffer.from(line) }, end: next };
    case '-':
      return { reply: { type: 'error', value: Buffer.from(line) }, end: next };
    case ':':
      return { reply: { type: 'integer', value: BigInt(line.toString()) }, end: next };
    case '$': {
      const length = Number(line.toString());
      if (length < 0) return { reply: { type: 'nil' }, end: next };
      if (buffer.length < next + length + 2) return undefined;
      return { reply: { type: 'bulk', value: Buffer.from(buffer.subarray(next, next + length)) }, end: next + length + 2 };
    }
    case '*': {
      const count = Number(line.toString());
      if (count < 0) return { reply: { type: 'nil' }, end: next };
      const items: Reply[] = [];
      let at = next;
      for (let i = 0; i < count; i += 1) {
        const item = parse(buffer, at);
        if (!item) return undefined;
        items.push(item.reply);
        at = item.end;
      }
      return { reply: { type: 'array', items }, end: at };
    }
    default:
      throw new Error(`mini learner: unexpected RESP type ${kind}`);
  }
}
