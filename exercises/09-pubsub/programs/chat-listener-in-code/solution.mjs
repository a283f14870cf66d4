// A chat listener: subscribe to chat:global, print the first message, leave.
// Слушатель чата: подписаться на chat:global, напечатать первое сообщение, уйти.
import { Redis } from 'ioredis';

// A subscribed connection only listens: this one is for listening alone.
// Подписанное соединение только слушает: это соединение — только для прослушивания.
const sub = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// Listen before subscribing: a message that arrives first is not replayed.
// Слушаем до подписки: пришедшее раньше сообщение не повторится.
const message = new Promise((resolve) => sub.once('message', (channel, text) => resolve(text)));
await sub.subscribe('chat:global');
console.log('Listening on chat:global...');

const data = JSON.parse(await message);
console.log(`${data.user}: ${data.msg}`);

await sub.unsubscribe('chat:global');
await sub.quit();
