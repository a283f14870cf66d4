import { createServer, type Server, type Socket } from 'node:net';

/**
 * TCP listeners on loopback that are not Redis, for what --url may point at
 * by mistake: a web server, a port that hangs up at once, one that never
 * says a word, one that greets first (SSH).
 */
export type ForeignKind = 'http' | 'closes' | 'silent' | 'ssh';

export interface ForeignListener {
  port: number;
  close(): Promise<void>;
}

const BEHAVIOUR: Record<ForeignKind, (socket: Socket) => void> = {
  http: (socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')),
  // A FIN, not a reset: a reset would race the client's first write (ECONNRESET or EOF, either may come first).
  closes: (socket) => socket.end(),
  silent: () => undefined,
  ssh: (socket) => socket.write('SSH-2.0-OpenSSH_9.6\r\n'),
};

export async function startForeignListener(kind: ForeignKind): Promise<ForeignListener> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    BEHAVIOUR[kind](socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
