// A cluster-aware client: it learns which node serves which slot and sends
// each key where it lives, following MOVED when the map changes.
// Клиент, знающий о кластере: он узнаёт, какой узел обслуживает какой слот, и
// отправляет каждый ключ туда, где он живёт, следуя MOVED, если карта меняется.
//
// redis-tutor runs it with REDIS_CLUSTER_NODES (host:port,host:port,...) and
// REDIS_PASSWORD (every node's password).
// redis-tutor запускает её с REDIS_CLUSTER_NODES (host:port,host:port,...) и
// REDIS_PASSWORD (пароль всех узлов).
import { Cluster } from 'ioredis';

const password = process.env.REDIS_PASSWORD;
const nodes = (process.env.REDIS_CLUSTER_NODES ?? '').split(',').map((address) => {
  const [host, port] = address.split(':');
  return { host, port: Number(port) };
});

// redisOptions apply to the connection to every node.
// redisOptions применяются к соединению с каждым узлом.
const cluster = new Cluster(nodes, { redisOptions: { password } });
console.log(`cluster: ${await cluster.ping()}`);

// TODO: SET product:1 .. product:6 to item-1 .. item-6.
// TODO: SET product:1 .. product:6 в значения item-1 .. item-6.

// TODO: GET each one back and print "product:N = item-N".
// TODO: прочитайте каждый (GET) и напечатайте "product:N = item-N".

await cluster.quit();
