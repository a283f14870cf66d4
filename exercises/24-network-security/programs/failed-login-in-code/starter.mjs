// A deploy script after a password rotation: the old password is refused, say so in one line,
// log in with the new one; exit with 2 only when no password works, so the pipeline stops the deploy.
// Скрипт развёртывания после смены пароля: старый пароль отвергнут — скажите это одной строкой,
// войдите с новым; код 2 — только если не подошёл ни один пароль: тогда конвейер остановит развёртывание.
import { Redis } from 'ioredis';

const host = process.env.REDIS_HOST ?? 'localhost';
const port = Number(process.env.REDIS_PORT ?? 6379);
const db = Number(process.env.REDIS_DB ?? 0);

async function login(password) {
  // TODO: add retryStrategy: () => null (no reconnecting with a wrong password) and redis.on('error', () => {}).
  // TODO: добавьте retryStrategy: () => null (без переподключений с неверным паролем) и redis.on('error', () => {}).
  const redis = new Redis({ host, port, db, username: 'shop-app', password, enableReadyCheck: false });
  // TODO: await redis.ping() in try; when it rejects with WRONGPASS print
  //       "Login refused for shop-app: wrong password", redis.disconnect() and return null.
  // TODO: await redis.ping() в try; если он отклонён с WRONGPASS, напечатайте
  //       "Login refused for shop-app: wrong password", вызовите redis.disconnect() и верните null.
  return redis;
}

// TODO: first try login('spring-2026') (the old password); when it returns null, login('summer-2026');
//       when that is null too, set process.exitCode = 2. Otherwise SET deploy:last-login shop-app,
//       print "Logged in as shop-app" and quit().
// TODO: сначала попробуйте login('spring-2026') (старый пароль); если вернётся null — login('summer-2026');
//       если и он null — задайте process.exitCode = 2. Иначе SET deploy:last-login shop-app,
//       напечатайте "Logged in as shop-app" и вызовите quit().
console.log('Deploy script started');
