// Crypto exchange (variant 12). Run: node app.mjs deposit USER ASSET AMOUNT | balance USER | buy USER PRICE AMOUNT | sell USER PRICE AMOUNT | cancel USER ID | book | trades
import Redis from 'ioredis';

// The tester gives the sandbox as REDIS_URL.
export function connect() {
  return new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');
}

const [command = '(no command)', ...args] = process.argv.slice(2);
console.error(`not implemented yet: ${[command, ...args].join(' ')}`);
process.exitCode = 1;
