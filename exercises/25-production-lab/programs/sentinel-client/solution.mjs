// A client that follows a Sentinel failover: it asks the sentinels where the
// master is instead of keeping one address.
// Клиент, который переживает failover в Sentinel: он спрашивает у sentinel,
// где мастер, а не держит один адрес.
import { Redis } from 'ioredis';

const password = process.env.REDIS_PASSWORD;
const name = process.env.REDIS_SENTINEL_MASTER ?? 'mymaster';
const sentinels = (process.env.REDIS_SENTINELS ?? '').split(',').map((address) => {
  const [host, port] = address.split(':');
  return { host, port: Number(port) };
});

// ioredis asks the sentinels itself; they want the password too (sentinelPassword).
// ioredis сам спрашивает sentinel; им тоже нужен пароль (sentinelPassword).
const master = new Redis({ sentinels, name, password, sentinelPassword: password });
// While the master is down ioredis reconnects and reports each failure here.
// Пока мастер лежит, ioredis переподключается и сообщает о каждой неудаче здесь.
master.on('error', () => {});
// A connection of our own to a sentinel, to ask where the master is.
// Своё соединение с sentinel, чтобы спрашивать, где мастер.
const sentinel = new Redis({ ...sentinels[0], password });
const masterAddress = async () => (await sentinel.call('SENTINEL', 'get-master-addr-by-name', name)).join(':');

await master.set('orders:before', 'placed');
const first = await masterAddress();
console.log(`wrote orders:before on the master at ${first}`);

// The tutor kills that master now. Wait until the sentinels name another one.
// Сейчас тренажёр убьёт этот мастер. Ждём, пока sentinel назовут другой.
const deadline = Date.now() + 30_000;
const pause = () => new Promise((resolve) => setTimeout(resolve, 200));
while ((await masterAddress()) === first) {
  if (Date.now() > deadline) throw new Error('no failover within 30 s');
  await pause();
}

// The same client, no new address: it reconnects where the sentinels say.
// Тот же клиент, без нового адреса: он переподключается туда, куда скажут sentinel.
for (;;) {
  try {
    await master.set('orders:after', 'placed');
    break;
  } catch (error) {
    if (Date.now() > deadline) throw error;
    await pause();
  }
}
console.log(`wrote orders:after on the new master at ${await masterAddress()}`);

await master.quit();
// A sentinel does not know QUIT: just close the connection. / Sentinel не знает QUIT: просто закрываем соединение.
sentinel.disconnect();
