// A chat publisher that does not lose messages: publish where someone listens, keep the rest.
// Издатель чата, который не теряет сообщения: публикует, где слушают, остальное сохраняет.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

async function send(channel, user, text) {
  const message = JSON.stringify({ user, msg: text });
  const [, listeners] = await redis.pubsub('NUMSUB', channel);
  if (listeners > 0) {
    const receivers = await redis.publish(channel, message);
    console.log(`${channel}: delivered to ${receivers}`);
  } else {
    // PUBLISH with nobody subscribed drops the message: keep it for later.
    // PUBLISH без подписчиков теряет сообщение: сохраним его на потом.
    await redis.rpush(`pending:${channel}`, message);
    console.log(`${channel}: nobody listening, saved`);
  }
}

await send('chat:global', 'Anna', 'Deploy at 18:00');
await send('chat:support', 'Anna', 'Deploy at 18:00');

await redis.quit();
