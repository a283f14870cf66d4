/**
 * The client-side state redis-cli 7.0 keeps about its connection, updated
 * after each reply is printed, and the prompt built from it. Pure: the CLI
 * owns the connection and feeds replies in.
 */
import type { Reply } from '../resp/types.js';
import { strtol } from './repeat.js';
import { cString } from './split-args.js';
import { commandWord } from './command-word.js';

export interface ClientState {
  /** The db the prompt shows (config.dbnum). */
  readonly db: number;
  /** The db to SELECT again after a reconnect or AUTH (config.input_dbnum). */
  readonly rememberedDb: number;
  readonly inTransaction: boolean;
  /** The db at MULTI, restored by DISCARD and by a failed EXEC. */
  readonly preMultiDb: number;
  /** `-3`: send HELLO 3 on every (re)connect. A HELLO 3 typed by the user is not tracked. */
  readonly resp3: boolean;
}

/** Before the first connection: `-n db` and `-3` as given on the command line. */
export function initialClientState(options: { db?: number; resp3?: boolean } = {}): ClientState {
  return { db: 0, rememberedDb: options.db ?? 0, inTransaction: false, preMultiDb: 0, resp3: options.resp3 ?? false };
}

/**
 * A fresh connection starts in db 0 outside any transaction. The CLI then
 * sends `SELECT <dbToReselect()>` when that is not null, and applies its
 * reply with applyCommand like any other SELECT.
 */
export function afterReconnect(state: ClientState): ClientState {
  return { ...state, db: 0, inTransaction: false };
}

/**
 * The db redis-cli silently SELECTs after a reconnect, and after an AUTH
 * typed with 2 or 3 arguments (whatever its reply): null when already there.
 */
export function dbToReselect(state: ClientState): number | null {
  return state.rememberedDb === state.db ? null : state.rememberedDb;
}

export function isReselectingAuth(args: readonly Buffer[]): boolean {
  return commandWord(args) === 'auth' && (args.length === 2 || args.length === 3);
}

export function applyCommand(state: ClientState, args: readonly Buffer[], reply: Reply): ClientState {
  const name = commandWord(args);
  const argc = args.length;
  const failed = reply.type === 'error';
  // Inside MULTI the reply is QUEUED, which counts as success: the prompt moves at once.
  if (name === 'select' && argc === 2 && !failed) {
    const db = atoi(args[1] as Buffer);
    return { ...state, db, rememberedDb: db };
  }
  if (argc !== 1) return state;
  if (name === 'multi' && !failed) return { ...state, inTransaction: true, preMultiDb: state.db };
  if (name === 'exec' && state.inTransaction) {
    const aborted = failed || reply.type === 'nil';
    return aborted
      ? { ...state, inTransaction: false, db: state.preMultiDb, rememberedDb: state.preMultiDb }
      : { ...state, inTransaction: false };
  }
  if (name === 'discard' && !failed) {
    return { ...state, inTransaction: false, db: state.preMultiDb, rememberedDb: state.preMultiDb };
  }
  if (name === 'reset' && !failed) return { ...state, inTransaction: false, db: 0, rememberedDb: 0, resp3: false };
  return state;
}

const PROMPT_BUFFER_SIZE = 128;

export interface PromptTarget {
  host: string;
  port: number;
  connected: boolean;
}

/** `127.0.0.1:6379[2](TX)> `, cut to 127 bytes like redis-cli's char prompt[128]. */
export function promptFor(state: ClientState, target: PromptTarget): string {
  if (!target.connected) return 'not connected> ';
  // anetFormatAddr brackets any host containing ':' (IPv6).
  const address = target.host.includes(':') ? `[${target.host}]:${target.port}` : `${target.host}:${target.port}`;
  const db = state.db === 0 ? '' : `[${state.db}]`;
  const transaction = state.inTransaction ? '(TX)' : '';
  const prompt = Buffer.from(`${address}${db}${transaction}> `, 'utf8');
  return prompt.subarray(0, PROMPT_BUFFER_SIZE - 1).toString('utf8');
}

/**
 * glibc atoi is (int)strtol(s, NULL, 10), and the cast wraps: `select
 * 99999999999` queued inside MULTI shows `[1215752191]`.
 */
function atoi(bytes: Buffer): number {
  return Number(BigInt.asIntN(32, strtol(cString(bytes)).value));
}
