// An alert script over INFO: it watches the master's metrics and prints an
// ALERT line the moment a rule is broken, once per rule.
// Скрипт оповещений по INFO: он следит за метриками мастера и печатает строку
// ALERT, как только нарушено правило, — по одной на правило.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL);
// How many replicas the master should have: the lab lists them in REDIS_REPLICAS.
// Сколько реплик должно быть у мастера: лаборатория перечисляет их в REDIS_REPLICAS.
const expectedReplicas = (process.env.REDIS_REPLICAS ?? '').split(',').filter(Boolean).length;

// INFO is "field:value" lines; a number field of a section.
// INFO — это строки "поле:значение"; числовое поле раздела.
const infoNumber = async (section, field) => Number(new RegExp(`^${field}:(\\d+)`, 'm').exec(await redis.info(section))?.[1] ?? 0);

const alerted = new Set();
const deadline = Date.now() + 10_000;
while (alerted.size < 2 && Date.now() < deadline) {
  const used = await infoNumber('memory', 'used_memory');
  const limit = await infoNumber('memory', 'maxmemory');
  if (!alerted.has('memory') && limit > 0 && used >= 0.8 * limit) {
    console.log(`ALERT memory: used_memory ${used} is ${Math.floor((used * 100) / limit)}% of maxmemory ${limit}`);
    alerted.add('memory');
  }

  const connected = await infoNumber('replication', 'connected_slaves');
  if (!alerted.has('replica') && connected < expectedReplicas) {
    console.log(`ALERT replica: ${connected} of ${expectedReplicas} replicas connected`);
    alerted.add('replica');
  }

  await new Promise((resolve) => setTimeout(resolve, 200));
}
console.log(`${alerted.size} alert(s)`);

await redis.quit();
