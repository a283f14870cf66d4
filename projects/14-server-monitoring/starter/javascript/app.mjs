// Server monitoring (variant 14). Run: node app.mjs report SERVER TS CPU MEMORY | stats SERVER METRIC FROM TO | status | threshold METRIC LIMIT | watch | incidents COUNT
import Redis from 'ioredis';

// The tester gives the sandbox as REDIS_URL.
export function connect() {
  return new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');
}

const [command = '(no command)', ...args] = process.argv.slice(2);
console.error(`not implemented yet: ${[command, ...args].join(' ')}`);
process.exitCode = 1;
