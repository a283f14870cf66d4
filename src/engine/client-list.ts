/** One line of CLIENT LIST as fields: id, name, flags, cmd, sub, psub, ... */
export type ClientInfo = Record<string, string>;

export function parseClientList(text: string): ClientInfo[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map(parseClientLine);
}

export function parseClientLine(line: string): ClientInfo {
  const info: ClientInfo = {};
  // Values never contain spaces (CLIENT SETNAME refuses them), so splitting on spaces is exact.
  for (const pair of line.trim().split(' ')) {
    const at = pair.indexOf('=');
    if (at > 0) info[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return info;
}

/** flags=b: the client waits in a blocking command (BLPOP, XREAD BLOCK, WAIT, ...). */
export function isBlocked(info: ClientInfo): boolean {
  return (info.flags ?? '').includes('b');
}
