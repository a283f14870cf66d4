/** The ways to get a Redis, shared by every check that finds none (the same three noRedisAvailableError names). */
export const INSTALL_REDIS_SERVER =
  'Install it: sudo apt-get install -y redis-server   (macOS: brew install redis), ' +
  'or run the bundled Redis with Docker: docker compose up -d (docker-compose.yml ships with redis-tutor) and pass --url redis://localhost:6379.';

export const INSTALL_REDIS_CLI = 'Only redis-tutor\'s own test suite needs it: sudo apt-get install -y redis-tools   (macOS: brew install redis).';
