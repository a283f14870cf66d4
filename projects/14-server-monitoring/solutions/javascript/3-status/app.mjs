// Server monitoring (variant 14): a reference solution up to stage 3.
import Redis from 'ioredis';

const SERVERS = 'servers';
const METRICS = ['cpu', 'memory'];
const RETENTION_SECONDS = 3600;
const ALIVE_SECONDS = 30;

const seriesKey = (server, metric) => `metrics:${server}:${metric}`;
const latestKey = (server) => `server:${server}:latest`;
const aliveKey = (server) => `alive:${server}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

const isPercent = (value) => /^\d+(\.\d+)?$/.test(value ?? '') && Number(value) <= 100;

async function report(redis, server, ts, cpu, memory) {
  const values = { cpu, memory };
  if (!server || !/^\d+$/.test(ts ?? '') || !isPercent(cpu) || !isPercent(memory)) {
    console.error('invalid report: TS is a whole number, CPU and MEMORY numbers from 0 to 100');
    return 1;
  }
  // Every write of a report in one transaction and one round trip.
  const tx = redis.multi().sadd(SERVERS, server);
  for (const metric of METRICS) {
    tx.zadd(seriesKey(server, metric), ts, `${ts}:${values[metric]}`);
    // The parenthesis makes the bound exclusive: a point exactly an hour old stays.
    tx.zremrangebyscore(seriesKey(server, metric), '-inf', `(${Number(ts) - RETENTION_SECONDS}`);
  }
  tx.hset(latestKey(server), { ts, ...values });
  // The heartbeat: no report for 30 s and the key is gone, the server down.
  tx.set(aliveKey(server), 1, 'EX', ALIVE_SECONDS);
  await tx.exec();
  console.log(`recorded ${server} ${ts}`);
  return 0;
}

async function stats(redis, server, metric, from, to) {
  const points = await redis.zrangebyscore(seriesKey(server, metric), from, to);
  if (points.length === 0) {
    console.log('no data');
    return 0;
  }
  const values = points.map((point) => Number(point.slice(point.indexOf(':') + 1)));
  console.log(`points ${values.length}`);
  console.log(`avg ${(values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(1)}`);
  console.log(`max ${Math.max(...values).toFixed(1)}`);
  return 0;
}

async function status(redis) {
  const servers = (await redis.smembers(SERVERS)).sort();
  // One round trip for every server's heartbeat and latest report.
  const pipe = redis.pipeline();
  for (const server of servers) pipe.exists(aliveKey(server)).hgetall(latestKey(server));
  const replies = await pipe.exec();
  servers.forEach((server, i) => {
    const [[, alive], [, latest]] = replies.slice(2 * i, 2 * i + 2);
    console.log(alive ? `${server} up cpu ${latest.cpu} memory ${latest.memory}` : `${server} down last seen ${latest.ts ?? 'never'}`);
  });
  return 0;
}

const COMMANDS = { report, stats, status };

const [name, ...args] = process.argv.slice(2);
const run = Object.hasOwn(COMMANDS, name ?? '') ? COMMANDS[name] : undefined;
if (run === undefined) {
  console.error(`usage: app.mjs ${Object.keys(COMMANDS).join('|')} ...`);
  process.exitCode = 2;
} else {
  const redis = connect();
  try {
    await redis.connect();
    process.exitCode = await run(redis, ...args);
  } finally {
    redis.disconnect();
  }
}
