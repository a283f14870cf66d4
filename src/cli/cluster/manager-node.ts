/**
 * One node as redis-cli 7.0's cluster manager sees it (clusterManagerNode):
 * its address, its connection (AUTH from -a/--user/REDISCLI_AUTH, as
 * clusterManagerNodeConnect() does), and what its CLUSTER NODES line said:
 * id, flags, the master it replicates, its slots and open slots.
 */
import { ConnectError, ConnectionClosedError, RespConnection } from '../../resp/connection.js';
import type { Reply } from '../../resp/types.js';
import type { ClusterLog } from './cluster-log.js';

export const CLUSTER_SLOTS = 16_384;
/** CLUSTER_MANAGER_PORT_INCR: the bus port a node is assumed to have until it says. */
const PORT_INCR = 10_000;

export interface Credentials {
  user: string | undefined;
  password: string | undefined;
}

export class ManagerNode {
  connection: RespConnection | null = null;
  name: string | null = null;
  busPort: number;
  /** Flags as CLUSTER NODES lists them (myself included; the node block leaves it out). */
  flags: string[] | null = null;
  myself = false;
  replica = false;
  noAddress = false;
  disconnected = false;
  failed = false;
  replicate: string | null = null;
  slots = new Uint8Array(CLUSTER_SLOTS);
  slotsCount = 0;
  /** Pairs of [slot, node id], as CLUSTER NODES writes `[slot->-id]` / `[slot-<-id]`. */
  migrating: Array<[string, string]> = [];
  importing: Array<[string, string]> = [];
  replicasCount = 0;
  /** Its configuration changed here and is not on the server yet. */
  dirty = false;
  currentEpoch = 0n;

  constructor(
    readonly ip: string,
    readonly port: number,
    busPort = 0,
  ) {
    this.busPort = busPort !== 0 ? busPort : port + PORT_INCR;
  }

  get address(): string {
    return `${this.ip}:${this.port}`;
  }

  resetSlots(): void {
    this.slots = new Uint8Array(CLUSTER_SLOTS);
    this.slotsCount = 0;
  }

  /** clusterManagerNodeConnect(): false after `Could not connect...` (stderr) or a refused AUTH. */
  async connect(credentials: Credentials, log: ClusterLog): Promise<boolean> {
    this.close();
    try {
      this.connection = await RespConnection.connect({ host: this.ip, port: this.port, tls: false });
    } catch (error) {
      if (!(error instanceof ConnectError)) throw error;
      log.stderr(`${error.message}\n`);
      return false;
    }
    if (credentials.password === undefined) return true;
    const words = credentials.user !== undefined ? ['AUTH', credentials.user, credentials.password] : ['AUTH', credentials.password];
    return this.checkReply(await this.command(words), log);
  }

  /** redisCommand(): the reply, or null when the connection is gone. */
  async command(words: readonly (string | Buffer)[]): Promise<Reply | null> {
    const connection = this.connection;
    if (connection === null) return null;
    try {
      return await connection.send(words.map((word) => (typeof word === 'string' ? Buffer.from(word, 'utf8') : word)));
    } catch (error) {
      if (!(error instanceof ConnectionClosedError)) throw error;
      return null;
    }
  }

  /** clusterManagerCheckRedisReply() with no err pointer: an error reply is printed as the node's. */
  checkReply(reply: Reply | null, log: ClusterLog): reply is Reply {
    if (reply === null) return false;
    if (reply.type !== 'error') return true;
    log.replyError(this, reply.value.toString('utf8'));
    return false;
  }

  close(): void {
    this.connection?.destroy();
    this.connection = null;
  }
}

/** A reply's text (bulk, status, verbatim or error), as hiredis' reply->str. */
export function replyText(reply: Reply | null): string | null {
  if (reply === null) return null;
  if (reply.type === 'bulk' || reply.type === 'status' || reply.type === 'error' || reply.type === 'verbatim') return reply.value.toString('utf8');
  return null;
}
