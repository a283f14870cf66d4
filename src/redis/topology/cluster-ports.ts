import { createServer } from 'node:net';
import { freeLoopbackPort } from '../free-port.js';

const BUS_PORT_OFFSET = 10_000;
const ATTEMPTS = 50;

/**
 * For servers before 7.0, whose cluster bus is always port+10000: a free port
 * whose bus port is free too (and below 65536). Either can still be taken
 * before redis-server binds it; the launcher retries on "address in use".
 */
export async function freePortWithFreeBusPort(): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = await freeLoopbackPort();
    if (port + BUS_PORT_OFFSET <= 65_535 && (await isFree(port + BUS_PORT_OFFSET))) return port;
  }
  return freeLoopbackPort();
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
