// redis-benchmark against the sandbox, twice: one command per round trip, then pipelined.
// redis-benchmark против песочницы, дважды: по команде за обмен, затем конвейером.
import { execFileSync } from 'node:child_process';
import { Redis } from 'ioredis';

const url = process.env.REDIS_URL ?? 'redis://localhost:6379/0';

/** Runs redis-benchmark -q and returns its output. */
function bench(...extra) {
  const output = execFileSync('redis-benchmark', ['-u', url, '-q', '-n', '2000', '-t', 'set,get', ...extra], { encoding: 'utf8' });
  // -q rewrites a progress line with \r; the last piece of each line is the result.
  // -q переписывает строку прогресса через \r; итог — последний кусок строки.
  return output.split('\n').map((line) => line.split('\r').at(-1).trim()).join('\n');
}

const plain = bench();
console.log(plain);
// TODO: run it again with -P 16 and print that output too
// TODO: store both SET requests-per-second numbers in the hash bench:set, fields plain and pipelined
const redis = new Redis(url);
await redis.quit();
