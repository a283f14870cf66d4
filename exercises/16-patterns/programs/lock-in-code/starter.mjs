// Two jobs under distributed locks: SET NX PX with a token, release only while still ours.
// Две работы под распределёнными блокировками: SET NX PX с токеном, снятие, только пока она наша.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// TODO: the release script: DEL KEYS[1] only when GET KEYS[1] equals ARGV[1] (your token); return 0 otherwise.
//       Then redis.defineCommand('release', { numberOfKeys: 1, lua: RELEASE_LUA }).
// TODO: скрипт снятия: DEL KEYS[1], только если GET KEYS[1] равен ARGV[1] (вашему токену); иначе вернуть 0.
//       Затем redis.defineCommand('release', { numberOfKeys: 1, lua: RELEASE_LUA }).
const RELEASE_LUA = `
return 0
`;

async function runJob(lock, doneList, item) {
  const token = randomUUID();
  // TODO: take the lock: await redis.set(lock, token, 'PX', 30000, 'NX'); null means busy: print "<lock>: busy".
  // TODO: возьмите блокировку: await redis.set(lock, token, 'PX', 30000, 'NX'); null — занята: напечатайте "<lock>: busy".
  await redis.rpush(doneList, item);
  // TODO: release it with the script: await redis.release(lock, token); print "<lock>: released" for 1,
  //       "<lock>: not ours any more" for 0.
  // TODO: снимите её скриптом: await redis.release(lock, token); напечатайте "<lock>: released" для 1,
  //       "<lock>: not ours any more" для 0.
  console.log(`${lock}: done ${item}`);
}

await runJob('lock:invoices', 'invoices:done', 'invoice-77');
await runJob('lock:reports', 'reports:done', 'report-12');

await redis.quit();
