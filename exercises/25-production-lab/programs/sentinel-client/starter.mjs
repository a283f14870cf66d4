// A client that follows a Sentinel failover: it asks the sentinels where the
// master is instead of keeping one address.
// Клиент, который переживает failover в Sentinel: он спрашивает у sentinel,
// где мастер, а не держит один адрес.
//
// redis-tutor runs it with REDIS_SENTINELS (host:port,host:port,...),
// REDIS_SENTINEL_MASTER (mymaster) and REDIS_PASSWORD (every node's password).
// redis-tutor запускает её с REDIS_SENTINELS (host:port,host:port,...),
// REDIS_SENTINEL_MASTER (mymaster) и REDIS_PASSWORD (пароль всех узлов).
import { Redis } from 'ioredis';

const password = process.env.REDIS_PASSWORD;
const name = process.env.REDIS_SENTINEL_MASTER ?? 'mymaster';
const sentinels = (process.env.REDIS_SENTINELS ?? '').split(',').map((address) => {
  const [host, port] = address.split(':');
  return { host, port: Number(port) };
});

// A connection of our own to a sentinel, to ask where the master is.
// Своё соединение с sentinel, чтобы спрашивать, где мастер.
const sentinel = new Redis({ ...sentinels[0], password });
const masterAddress = async () => (await sentinel.call('SENTINEL', 'get-master-addr-by-name', name)).join(':');
console.log(`the sentinels name the master at ${await masterAddress()}`);

// TODO: a client for the master: new Redis({ sentinels, name, password, sentinelPassword: password }),
//       and master.on('error', () => {}) so reconnect errors are not printed.
// TODO: клиент мастера: new Redis({ sentinels, name, password, sentinelPassword: password })
//       и master.on('error', () => {}), чтобы ошибки переподключения не печатались.

// TODO: SET orders:before placed, then print "wrote orders:before" (the tutor then kills the master).
// TODO: SET orders:before placed, затем напечатайте "wrote orders:before" (тогда тренажёр убьёт мастер).

// TODO: wait until masterAddress() changes (poll every 200 ms, give up after 30 s).
// TODO: дождитесь, пока masterAddress() изменится (опрос раз в 200 мс, не дольше 30 с).

// TODO: with the same client, SET orders:after placed (retry on errors), then quit() it.
// TODO: тем же клиентом SET orders:after placed (с повторами при ошибках), затем quit().

// A sentinel does not know QUIT: just close the connection. / Sentinel не знает QUIT: просто закрываем соединение.
sentinel.disconnect();
