// The daily report as the ACL user report-bot: read the stats, survive NOPERM.
// Ежедневный отчёт от имени пользователя ACL report-bot: читает статистику, переживает NOPERM.
import { Redis } from 'ioredis';

// TODO: connect as report-bot (password report-bot-pass-7), not with REDIS_URL (the tutor's user):
//       new Redis({ host: process.env.REDIS_HOST, port: Number(process.env.REDIS_PORT),
//                   db: Number(process.env.REDIS_DB), username: ..., password: ..., enableReadyCheck: false })
// TODO: подключитесь как report-bot (пароль report-bot-pass-7), а не по REDIS_URL (пользователь тренажёра):
//       new Redis({ host: process.env.REDIS_HOST, port: Number(process.env.REDIS_PORT),
//                   db: Number(process.env.REDIS_DB), username: ..., password: ..., enableReadyCheck: false })
const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

console.log('Daily report');

// TODO: MGET stats:orders:today and stats:visits:today; print "orders today: <n>" and "visits today: <n>".
// TODO: MGET stats:orders:today и stats:visits:today; напечатайте "orders today: <n>" и "visits today: <n>".

// TODO: try await redis.set('report:daily', ...); catch the error: if its message starts with NOPERM,
//       print "Report not saved: <error>", otherwise throw it again.
// TODO: попробуйте await redis.set('report:daily', ...); поймайте ошибку: если её текст начинается с NOPERM,
//       напечатайте "Report not saved: <ошибка>", иначе пробросьте её дальше.

await redis.quit();
