/** A command as a RESP multibulk (`*N\r\n$len\r\narg\r\n...`), binary-safe. */
export function encodeCommand(args: readonly Buffer[]): Buffer {
  const headers = args.map((arg) => `$${arg.length}\r\n`);
  let length = `*${args.length}\r\n`.length;
  args.forEach((arg, index) => {
    length += (headers[index] as string).length + arg.length + 2;
  });
  const out = Buffer.allocUnsafe(length);
  let at = out.write(`*${args.length}\r\n`, 0, 'latin1');
  args.forEach((arg, index) => {
    at += out.write(headers[index] as string, at, 'latin1');
    at += arg.copy(out, at);
    at += out.write('\r\n', at, 'latin1');
  });
  return out;
}
