/**
 * The program's write came over the TLS port: the laddr its connection saw
 * (CLIENT INFO, stored in audit:tls-client) is the server's tls-port. A
 * connection to the plain port sees the plain port there.
 * @type {import('redis-tutor/check-api').CheckFunction}
 */
export default async function check(api) {
  const [, tlsPort] = /** @type {string[]} */ (await api.redis.config('GET', 'tls-port'));
  const laddr = await api.redis.hget('audit:tls-client', 'laddr');
  const expected = { en: `laddr on the TLS port ${tlsPort}`, ru: `laddr на TLS-порте ${tlsPort}` };
  if (laddr === null) return { passed: false, expected, found: { en: 'no laddr field in audit:tls-client', ru: 'в audit:tls-client нет поля laddr' } };
  const port = /:(\d+)$/.exec(laddr)?.[1];
  return { passed: tlsPort !== undefined && tlsPort !== '0' && port === tlsPort, expected, found: laddr };
}
