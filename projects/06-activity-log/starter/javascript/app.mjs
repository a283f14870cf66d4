// User activity log (variant 6). Run: node app.mjs log USER ACTION | history USER FROM TO | stats USER | cleanup DAYS
import Redis from 'ioredis';

// The tester gives the sandbox as REDIS_URL.
export function connect() {
  return new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');
}

const [command = '(no command)', ...args] = process.argv.slice(2);
console.error(`not implemented yet: ${[command, ...args].join(' ')}`);
process.exitCode = 1;
