// The daily report as the ACL user report-bot: read the stats, survive NOPERM.
// Ежедневный отчёт от имени пользователя ACL report-bot: читает статистику, переживает NOPERM.
import { Redis } from 'ioredis';

// REDIS_URL carries the tutor's user: build the bot's connection from its parts.
// В REDIS_URL — пользователь тренажёра: подключение бота собираем из частей.
const redis = new Redis({
  host: process.env.REDIS_HOST ?? 'localhost',
  port: Number(process.env.REDIS_PORT ?? 6379),
  db: Number(process.env.REDIS_DB ?? 0),
  username: 'report-bot',
  password: 'report-bot-pass-7',
  // The ready check sends INFO, which report-bot may not run.
  // Проверка готовности шлёт INFO, а report-bot это нельзя.
  enableReadyCheck: false,
});

const [orders, visits] = await redis.mget('stats:orders:today', 'stats:visits:today');
console.log(`orders today: ${orders}`);
console.log(`visits today: ${visits}`);

try {
  await redis.set('report:daily', `orders=${orders} visits=${visits}`);
  console.log('Report saved');
} catch (error) {
  // Only NOPERM is expected here; any other error should still stop us.
  // Здесь ожидается только NOPERM; любая другая ошибка должна нас остановить.
  if (!error.message.startsWith('NOPERM')) throw error;
  console.log(`Report not saved: ${error.message}`);
}

await redis.quit();
