import { splitArgs } from '../redis-cli/split-args.js';

/** One command a client sent, and where in the chunk that finished it the command ends. */
export interface ReadCommand {
  args: string[];
  /** Offset just past the command's last byte in the chunk given to feed(). */
  end: number;
}

/** Arguments are kept for the record up to this many bytes: enough for `with`, not a memory bomb's payload. */
export const KEPT_ARGUMENT_BYTES = 1024;
/** Redis refuses longer inline commands and multibulk headers too (PROTO_INLINE_MAX_SIZE). */
const MAX_LINE_BYTES = 64 * 1024;
const LF = 0x0a;

type State =
  | { at: 'command' }
  | { at: 'inline' }
  | { at: 'count' }
  | { at: 'bulk-length'; remaining: number }
  | { at: 'bulk'; remaining: number; length: number; left: number; kept: Buffer[]; keptBytes: number };

/**
 * Reads the commands a client sends, as the server splits them: RESP
 * multibulk (`*2\r\n$3\r\nGET\r\n$1\r\nk\r\n`) and inline lines (`GET k`),
 * chunk by chunk however the bytes are cut. It only looks: the bytes go on
 * to the server unchanged, so a payload is counted, never gathered — only
 * the first KEPT_ARGUMENT_BYTES of each argument are kept. Input the server
 * would refuse as a protocol error makes it `broken` and it reads no more.
 */
export class RequestReader {
  private state: State = { at: 'command' };
  private line: Buffer[] = [];
  private lineBytes = 0;
  private args: string[] = [];
  broken = false;

  feed(chunk: Buffer): ReadCommand[] {
    const commands: ReadCommand[] = [];
    let offset = 0;
    while (!this.broken && offset < chunk.length) {
      const state = this.state;
      if (state.at === 'bulk') {
        offset = this.readBulk(state, chunk, offset);
      } else if (state.at === 'command') {
        this.state = chunk[offset] === 0x2a ? { at: 'count' } : { at: 'inline' };
        if (this.state.at === 'count') offset++;
        continue;
      } else {
        const end = chunk.indexOf(LF, offset);
        this.appendLine(chunk.subarray(offset, end === -1 ? chunk.length : end));
        if (end === -1) return commands;
        offset = end + 1;
        this.endLine(this.takeLine());
      }
      if (this.state.at === 'command' && this.args.length > 0) {
        commands.push({ args: this.args, end: offset });
        this.args = [];
      }
    }
    return commands;
  }

  private readBulk(state: Extract<State, { at: 'bulk' }>, chunk: Buffer, offset: number): number {
    const take = Math.min(state.left, chunk.length - offset);
    const room = KEPT_ARGUMENT_BYTES - state.keptBytes;
    if (room > 0) {
      const kept = chunk.subarray(offset, offset + Math.min(take, room));
      state.kept.push(kept);
      state.keptBytes += kept.length;
    }
    state.left -= take;
    if (state.left === 0) {
      // The two bytes after the payload are its CRLF.
      this.args.push(Buffer.concat(state.kept).toString('utf8', 0, Math.min(state.length, KEPT_ARGUMENT_BYTES)));
      this.state = state.remaining > 1 ? { at: 'bulk-length', remaining: state.remaining - 1 } : { at: 'command' };
    }
    return offset + take;
  }

  private endLine(text: Buffer): void {
    const state = this.state;
    const content = text.at(-1) === 0x0d ? text.subarray(0, -1) : text;
    if (state.at === 'inline') {
      this.state = { at: 'command' };
      const args = splitArgs(content);
      if (args === null) this.broken = true;
      else this.args = args.map((arg) => arg.subarray(0, KEPT_ARGUMENT_BYTES).toString('utf8'));
      return;
    }
    if (state.at === 'count') {
      const count = this.number(content);
      // *0 and *-1 are nothing to run: the server skips them too.
      this.state = count > 0 ? { at: 'bulk-length', remaining: count } : { at: 'command' };
      return;
    }
    if (state.at === 'bulk-length') {
      if (content[0] !== 0x24) {
        this.broken = true;
        return;
      }
      const length = this.number(content.subarray(1));
      if (length < 0) this.broken = true;
      else this.state = { at: 'bulk', remaining: state.remaining, length, left: length + 2, kept: [], keptBytes: 0 };
    }
  }

  private number(text: Buffer): number {
    const value = Number(text.toString('latin1'));
    if (!Number.isInteger(value) || text.length === 0) {
      this.broken = true;
      return 0;
    }
    return value;
  }

  private appendLine(part: Buffer): void {
    this.line.push(part);
    this.lineBytes += part.length;
    if (this.lineBytes > MAX_LINE_BYTES) this.broken = true;
  }

  private takeLine(): Buffer {
    const line = Buffer.concat(this.line, this.lineBytes);
    this.line = [];
    this.lineBytes = 0;
    return line;
  }
}
