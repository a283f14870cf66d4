import { createServer, connect as netConnect, isIP, type AddressInfo, type Server, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { ConnectionSpec } from '../redis/target.js';
import { TapConnection } from './tap-connection.js';
import type { TapConnectionInfo, TapListener } from './tap-events.js';

/**
 * More than any lesson needs (a pool is a handful); each costs the grader two
 * sockets, so a program opening thousands cannot exhaust its descriptors.
 */
export const MAX_TAP_CONNECTIONS = 200;

/**
 * Where a program answer connects instead of the sandbox itself: a local
 * port that passes every connection through to the server unchanged while
 * ./tap-connection.ts reads both directions. The program gets the same
 * database, user and password; only host and port are the tap's. The tap
 * speaks plain TCP to the program and TLS to a rediss:// server.
 */
export class RedisTap {
  private readonly connections = new Map<number, TapConnection>();
  private readonly work = new Set<Promise<unknown>>();
  private opened = 0;
  private refused = 0;

  private constructor(
    private readonly server: Server,
    private readonly upstream: ConnectionSpec,
    private readonly listener: TapListener,
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  static async open(upstream: ConnectionSpec, listener: TapListener): Promise<RedisTap> {
    const server = createServer({ noDelay: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new RedisTap(server, upstream, listener);
  }

  /** The sandbox as the program is to reach it: through the tap. */
  get spec(): ConnectionSpec {
    const { port } = this.server.address() as AddressInfo;
    return { ...this.upstream, host: '127.0.0.1', port, tls: false };
  }

  /** Connections the program opened (refused ones beyond MAX_TAP_CONNECTIONS not counted). */
  get connectionsOpened(): number {
    return this.opened;
  }

  get connectionsRefused(): number {
    return this.refused;
  }

  /** The program's connections that are open now. */
  connectionInfo(): TapConnectionInfo[] {
    return [...this.connections.values()].map((connection) => connection.info());
  }

  /** Stops accepting, cuts every connection and waits for what the listener was doing about them. */
  async close(): Promise<void> {
    this.server.close();
    for (const connection of this.connections.values()) connection.destroy();
    while (this.work.size > 0) await Promise.allSettled([...this.work]);
  }

  private accept(client: Socket): void {
    if (this.connections.size >= MAX_TAP_CONNECTIONS) {
      this.refused += 1;
      client.destroy();
      return;
    }
    client.setNoDelay(true);
    const id = ++this.opened;
    const gate = this.listener.gate();
    if (gate) {
      // An actor is acting (a !restart, say): the connection to the server is made once it is done.
      client.pause();
      this.track(gate.finally(() => (client.destroyed ? undefined : this.connect(id, client))));
      return;
    }
    this.connect(id, client);
  }

  private connect(id: number, client: Socket): void {
    const { host, port, tls } = this.upstream;
    const server = tls ? tlsConnect({ host, port, servername: isIP(host) ? undefined : host }) : netConnect({ host, port });
    server.setNoDelay(true);
    const connection = new TapConnection(id, client, server, this.listener, (work) => this.track(work), () => this.connections.delete(id));
    this.connections.set(id, connection);
    client.resume();
  }

  private track(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => this.work.delete(settled));
    this.work.add(settled);
  }
}
