// A deploy script after a password rotation: the old password is refused, say so in one line,
// log in with the new one; exit with 2 only when no password works, so the pipeline stops the deploy.
// Скрипт развёртывания после смены пароля: старый пароль отвергнут — скажите это одной строкой,
// войдите с новым; код 2 — только если не подошёл ни один пароль: тогда конвейер остановит развёртывание.
import { Redis } from 'ioredis';

const host = process.env.REDIS_HOST ?? 'localhost';
const port = Number(process.env.REDIS_PORT ?? 6379);
const db = Number(process.env.REDIS_DB ?? 0);

async function login(password) {
  const redis = new Redis({
    host, port, db, username: 'shop-app', password,
    // The ready check sends INFO, which shop-app may not run.
    // Проверка готовности шлёт INFO, а shop-app её запускать нельзя.
    enableReadyCheck: false,
    // A wrong password stays wrong: no reconnecting. / Неверный пароль не исправится: без переподключений.
    retryStrategy: () => null,
  });
  // Without a listener ioredis prints "Unhandled error event" and a stack; the await below reports it.
  // Без обработчика ioredis печатает "Unhandled error event" и стек; о сбое сообщит await ниже.
  redis.on('error', () => {});
  try {
    await redis.ping();
    return redis;
  } catch (err) {
    console.log(err.message.startsWith('WRONGPASS')
      ? 'Login refused for shop-app: wrong password'
      : `Cannot reach Redis at ${host}:${port}`);
    redis.disconnect();
    return null;
  }
}

const redis = (await login('spring-2026')) ?? (await login('summer-2026'));
if (redis === null) {
  // No password works: stop the deploy. / Ни один пароль не подошёл: остановить развёртывание.
  process.exitCode = 2;
} else {
  await redis.set('deploy:last-login', 'shop-app');
  console.log('Logged in as shop-app');
  await redis.quit();
}
