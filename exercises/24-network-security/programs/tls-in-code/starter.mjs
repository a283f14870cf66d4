// Write over TLS: the plain port below is unencrypted.
// Запись по TLS: обычный порт ниже не шифруется.
import { Redis } from 'ioredis';

// The TLS port is in REDIS_TLS_URL (rediss://...), the CA that signed its certificate in the file REDIS_TLS_CA.
// TLS-порт — в REDIS_TLS_URL (rediss://...), CA, подписавший его сертификат, — в файле REDIS_TLS_CA.
const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// TODO: connect with REDIS_TLS_URL, trusting the CA in REDIS_TLS_CA (tls: { ca: ... })
// TODO: SET tls:hello encrypted
// TODO: store CLIENT INFO's laddr in the hash audit:tls-client, field laddr
const info = await redis.client('INFO');
console.log('connected to', /laddr=(\S+)/.exec(info)?.[1]);

await redis.quit();
