// A deterministic mix of commands touching every reply type redis-cli formats:
// status, integers, bulk strings with escapes, nil, arrays, nested arrays, errors.
/** @param {number} count */
export function mixedCommands(count) {
  /** @type {Array<(i: number) => string>} */
  const templates = [
    (i) => `SET key:${i % 500} "value ${i}\\n\\x00\\xff"`,
    (i) => `GET key:${i % 500}`,
    (i) => `INCR counter:${i % 50}`,
    (i) => `RPUSH list:${i % 20} a${i} "b c" ""`,
    (i) => `LRANGE list:${i % 20} 0 11`,
    (i) => `HSET hash:${i % 30} f${i % 7} v${i} g "é"`,
    (i) => `HGETALL hash:${i % 30}`,
    (i) => `ZADD z:${i % 10} ${i % 97} m${i % 13}`,
    (i) => `ZRANGE z:${i % 10} 0 -1 WITHSCORES`,
    (i) => `SADD s:${i % 10} x${i % 17}`,
    () => `GET nokey`,
    (i) => `MGET key:${i % 500} nokey key:${(i + 1) % 500}`,
    () => `EVAL "return {1,{2,{3,'x'}},{}}" 0`,
    (i) => `INCR key:${i % 500}`,
    () => `PING`,
    () => `ECHO 'it\\'s'`,
  ];
  /** @type {string[]} */
  const lines = [];
  for (let i = 0; i < count; i++) lines.push(templates[i % templates.length](i));
  return lines.join('\n') + '\n';
}
