// A chat listener: subscribe to chat:global, print the first message, leave.
// Слушатель чата: подписаться на chat:global, напечатать первое сообщение, уйти.
import { Redis } from 'ioredis';

// A subscribed connection only listens: this one is for listening alone.
// Подписанное соединение только слушает: это соединение — только для прослушивания.
const sub = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// TODO: before subscribing, wait for the first message:
//       const message = new Promise((resolve) => sub.once('message', (channel, text) => resolve(text)));
// TODO: subscribe to chat:global (await sub.subscribe(...)).
// TODO: до подписки начните ждать первое сообщение:
//       const message = new Promise((resolve) => sub.once('message', (channel, text) => resolve(text)));
// TODO: подпишитесь на chat:global (await sub.subscribe(...)).
console.log('Listening on chat:global...');

// TODO: parse JSON.parse(await message) and print "<user>: <msg>".
// TODO: разберите JSON.parse(await message) и напечатайте "<user>: <msg>".

await sub.quit();
