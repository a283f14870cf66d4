/**
 * A reply exactly as the server sent it, RESP2 or RESP3. Every string-like
 * payload stays a Buffer so nothing is lost between the socket and the
 * formatter (binary values, invalid UTF-8, status lines from MONITOR).
 */
export type Reply =
  | { type: 'status'; value: Buffer }
  | { type: 'error'; value: Buffer }
  | { type: 'integer'; value: bigint }
  | { type: 'bulk'; value: Buffer }
  | { type: 'nil' }
  | { type: 'array'; items: Reply[] }
  | { type: 'set'; items: Reply[] }
  | { type: 'push'; items: Reply[] }
  | { type: 'map'; entries: Array<[Reply, Reply]> }
  | { type: 'double'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'verbatim'; format: string; value: Buffer }
  | { type: 'bignum'; value: string };

export type ReplyType = Reply['type'];
