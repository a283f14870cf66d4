// Loyalty program (variant 17). Run: node app.mjs earn CUSTOMER POINTS | balance CUSTOMER | spend CUSTOMER POINTS | history CUSTOMER | tier CUSTOMER | top N | bonus CUSTOMER POINTS
import Redis from 'ioredis';

// The tester gives the sandbox as REDIS_URL.
export function connect() {
  return new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');
}

const [command = '(no command)', ...args] = process.argv.slice(2);
console.error(`not implemented yet: ${[command, ...args].join(' ')}`);
process.exitCode = 1;
