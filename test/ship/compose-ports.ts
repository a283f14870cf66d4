/**
 * Where a docker-compose `ports:` entry publishes, as far as the file says.
 * Short syntax: "6379", "6379:6379", "127.0.0.1:6379:6379", "[::1]:6379:6379",
 * each with an optional "/tcp"; a bare number (YAML int) too. Long syntax:
 * { target, published, host_ip }. No host IP means every interface.
 */
export function publishedHostIp(entry: unknown): string | undefined {
  if (typeof entry === 'number') return undefined;
  if (typeof entry === 'object' && entry !== null) {
    const hostIp = (entry as { host_ip?: unknown }).host_ip;
    return typeof hostIp === 'string' && hostIp !== '' ? hostIp : undefined;
  }
  if (typeof entry !== 'string') throw new Error(`unexpected ports entry ${JSON.stringify(entry)}`);
  const spec = entry.replace(/\/(tcp|udp|sctp)$/, '');
  const bracketed = /^\[([^\]]+)\]:/.exec(spec);
  if (bracketed) return bracketed[1];
  const parts = spec.split(':');
  return parts.length === 3 ? parts[0] : undefined;
}

export function isLoopback(ip: string | undefined): boolean {
  return ip !== undefined && (/^127\.\d+\.\d+\.\d+$/.test(ip) || ip === '::1');
}
