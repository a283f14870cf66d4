import { Socket } from 'node:net';

export interface WaitForPingOptions {
  host: string;
  port: number;
  timeoutMs: number;
  /** Between attempts; 10 ms keeps a private start near the server's own ~10 ms boot. */
  intervalMs?: number;
  /** Checked before each attempt: a server that already exited will never answer. */
  gaveUp?: () => boolean;
  /** Settles when waiting is pointless (the server exited); cuts short an attempt that another listener on the port is holding open. */
  abandon?: Promise<unknown>;
}

export type PingOutcome = 'ready' | 'gave-up' | 'timeout';

/**
 * Polls with a bare inline PING until +PONG comes back. Bare sockets, not
 * ioredis: a refused connection costs microseconds here, and a Docker port
 * proxy that accepts and then closes is a "not yet", not an error.
 */
export async function waitForPing(options: WaitForPingOptions): Promise<PingOutcome> {
  const deadline = Date.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 10;
  for (;;) {
    if (options.gaveUp?.()) return 'gave-up';
    const attempt = pingOnce(options.host, options.port, Math.max(50, Math.min(1000, deadline - Date.now())));
    const answered = options.abandon ? await Promise.race([attempt, options.abandon.then(() => false)]) : await attempt;
    if (answered) return 'ready';
    if (options.gaveUp?.()) return 'gave-up';
    if (Date.now() >= deadline) return 'timeout';
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export function pingOnce(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let received = '';
    const finish = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      // -NOAUTH: up, with a password (a caller's requirepass line). -LOADING or a protected-mode refusal: not ready for us.
      if (received.includes('\r\n')) finish(received.startsWith('+PONG') || received.startsWith('-NOAUTH'));
    });
    socket.connect(port, host, () => socket.write('PING\r\n'));
  });
}
