// Write over TLS, trusting only the lab's CA, and record which port the server saw.
// Запись по TLS с доверием только CA лаборатории и запись о том, какой порт увидел сервер.
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';

// rediss:// is TLS; tls.ca is the only CA trusted: a certificate it did not sign is refused.
// rediss:// — это TLS; tls.ca — единственный доверенный CA: чужой сертификат будет отвергнут.
const redis = new Redis(process.env.REDIS_TLS_URL, {
  tls: { ca: readFileSync(process.env.REDIS_TLS_CA) },
});

await redis.set('tls:hello', 'encrypted');
// laddr: the server's address this connection reached, its port included.
// laddr — адрес сервера, до которого дошло это соединение, вместе с портом.
const info = await redis.client('INFO');
const laddr = /laddr=(\S+)/.exec(info)?.[1];
await redis.hset('audit:tls-client', 'laddr', laddr);
console.log('connected over TLS to', laddr);

await redis.quit();
