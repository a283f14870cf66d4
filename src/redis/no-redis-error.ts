import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvironmentError } from '../errors.js';

/** The end of the line in acquireRedis(): no --url, no redis-server, no Docker engine. */
export function noRedisAvailableError(details: { dockerTried?: boolean } = {}): EnvironmentError {
  const compose = shippedComposeFile();
  const composeCommand = compose ? `docker compose -f ${compose} up -d` : 'docker compose up -d (with the docker-compose.yml shipped with redis-tutor)';
  return new EnvironmentError(
    `redis-tutor needs a Redis and found none: no --url or REDIS_URL, no redis-server on PATH` +
      (details.dockerTried === false ? ', and the Docker fallback is off.' : ', and no Docker engine answered.'),
    [
      'Get one of these three ways:',
      '  1. install redis-server: sudo apt-get install -y redis-server   (macOS: brew install redis)',
      `  2. start the bundled one with Docker: ${composeCommand}, then run with --url redis://localhost:6379`,
      '  3. point at a Redis you already have: --url redis://[user:password@]host:port[/db]  (or set REDIS_URL)',
    ].join('\n'),
  );
}

/** docker-compose.yml at the package root, found from this module in src/ or dist/. */
function shippedComposeFile(): string | undefined {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth++) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      try {
        const name: unknown = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
        if (name === 'redis-tutor') {
          const compose = join(directory, 'docker-compose.yml');
          return existsSync(compose) ? compose : undefined;
        }
      } catch {
        return undefined;
      }
    }
    directory = dirname(directory);
  }
  return undefined;
}
