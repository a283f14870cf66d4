// A cluster-aware client: it learns which node serves which slot and sends
// each key where it lives, following MOVED when the map changes.
// Клиент, знающий о кластере: он узнаёт, какой узел обслуживает какой слот, и
// отправляет каждый ключ туда, где он живёт, следуя MOVED, если карта меняется.
import { Cluster } from 'ioredis';

const password = process.env.REDIS_PASSWORD;
const nodes = (process.env.REDIS_CLUSTER_NODES ?? '').split(',').map((address) => {
  const [host, port] = address.split(':');
  return { host, port: Number(port) };
});

// redisOptions apply to the connection to every node.
// redisOptions применяются к соединению с каждым узлом.
const cluster = new Cluster(nodes, { redisOptions: { password } });

for (let n = 1; n <= 6; n++) await cluster.set(`product:${n}`, `item-${n}`);

// Each key is read from the master that serves its slot.
// Каждый ключ читается с мастера, который обслуживает его слот.
for (let n = 1; n <= 6; n++) {
  const key = `product:${n}`;
  console.log(`${key} = ${await cluster.get(key)}`);
}

await cluster.quit();
