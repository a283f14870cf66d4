// Two jobs under distributed locks: SET NX PX with a token, release only while still ours.
// Две работы под распределёнными блокировками: SET NX PX с токеном, снятие, только пока она наша.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// Check and delete in one step: between a client's GET and DEL the lock could change hands.
// Проверка и удаление одним шагом: между GET и DEL клиента блокировка может перейти к другому.
const RELEASE_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;
redis.defineCommand('release', { numberOfKeys: 1, lua: RELEASE_LUA });

async function runJob(lock, doneList, item) {
  const token = randomUUID();
  if ((await redis.set(lock, token, 'PX', 30000, 'NX')) === null) {
    console.log(`${lock}: busy, skipped`);
    return;
  }
  try {
    await redis.rpush(doneList, item);
  } finally {
    const released = await redis.release(lock, token);
    console.log(released === 1 ? `${lock}: released` : `${lock}: not ours any more`);
  }
}

await runJob('lock:invoices', 'invoices:done', 'invoice-77');
await runJob('lock:reports', 'reports:done', 'report-12');

await redis.quit();
