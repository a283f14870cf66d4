/**
 * redis-cli 7.0's `-c`: an error reply `MOVED <slot> <host>:<port>` or
 * `ASK <slot> <host>:<port>` is not printed but followed (cliReadReply()).
 * Parsed as redis-cli parses it: the slot with atoi(), the address split at
 * its last `:` (IPv6 hosts keep theirs), the port with atoi().
 */
import type { Reply } from '../resp/types.js';

export interface ClusterRedirect {
  slot: number;
  host: string;
  port: number;
  /** ASK: the next command goes after an ASKING, and only this once. */
  ask: boolean;
}

export function parseClusterRedirect(reply: Reply): ClusterRedirect | null {
  if (reply.type !== 'error') return null;
  const text = reply.value.toString('latin1');
  const ask = text.startsWith('ASK ');
  if (!ask && !text.startsWith('MOVED ')) return null;
  const firstSpace = text.indexOf(' ');
  const secondSpace = text.indexOf(' ', firstSpace + 1);
  // redis-cli would crash on these; the tutor prints the error as it came instead.
  if (secondSpace < 0) return null;
  const address = text.slice(secondSpace + 1);
  const colon = address.lastIndexOf(':');
  if (colon < 0) return null;
  return {
    slot: atoi(text.slice(firstSpace + 1, secondSpace)),
    host: Buffer.from(address.slice(0, colon), 'latin1').toString('utf8'),
    port: atoi(address.slice(colon + 1)),
    ask,
  };
}

/** What an interactive redis-cli prints to stdout for a followed redirect. */
export function redirectLine(redirect: ClusterRedirect): string {
  return `-> Redirected to slot [${redirect.slot}] located at ${redirect.host}:${redirect.port}\n`;
}

/** glibc atoi on a short decimal field: leading blanks, a sign, digits, the rest ignored. */
function atoi(text: string): number {
  const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text);
  if (match === null) return 0;
  return Number(BigInt.asIntN(32, BigInt(match[1] as string)));
}
