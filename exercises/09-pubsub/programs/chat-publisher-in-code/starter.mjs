// A chat publisher that does not lose messages: publish where someone listens, keep the rest.
// Издатель чата, который не теряет сообщения: публикует, где слушают, остальное сохраняет.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

async function send(channel, user, text) {
  const message = JSON.stringify({ user, msg: text });
  // TODO: ask how many listen with PUBSUB NUMSUB (await redis.pubsub('NUMSUB', channel) returns [channel, count]).
  //       With listeners: PUBLISH the message (redis.publish) and print "<channel>: delivered to <what PUBLISH returned>".
  //       With none: RPUSH it to pending:<channel> and print "<channel>: nobody listening, saved".
  // TODO: узнайте, сколько слушают, через PUBSUB NUMSUB (await redis.pubsub('NUMSUB', channel) вернёт [channel, count]).
  //       Если слушают: опубликуйте сообщение (redis.publish) и напечатайте "<channel>: delivered to <что вернул PUBLISH>".
  //       Если нет: добавьте его в pending:<channel> через RPUSH и напечатайте "<channel>: nobody listening, saved".
  console.log(`${channel}: not sent yet`);
}

await send('chat:global', 'Anna', 'Deploy at 18:00');
await send('chat:support', 'Anna', 'Deploy at 18:00');

await redis.quit();
