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

/** "SET: 55248.62 requests per second, p50=0.583 msec" -> "55248.62" */
const setRps = (output) => /^SET: ([\d.]+) requests per second/m.exec(output)[1];

const plain = bench();
console.log(plain);
// 16 commands per round trip: fewer waits on the network, fewer reads and writes on the server.
// 16 команд за обмен: меньше ожиданий сети, меньше чтений и записей на сервере.
const pipelined = bench('-P', '16');
console.log(pipelined);

const redis = new Redis(url);
await redis.hset('bench:set', { plain: setRps(plain), pipelined: setRps(pipelined) });
console.log('SET per second:', await redis.hgetall('bench:set'));
await redis.quit();
