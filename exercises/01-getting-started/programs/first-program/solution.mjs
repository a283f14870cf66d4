// Your first Redis program: connect, store a value, read it back.
// Ваша первая программа для Redis: подключиться, сохранить значение, прочитать его.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// 1. Check the connection. / Проверяем соединение.
if ((await redis.ping()) === 'PONG') console.log('Connected to Redis!');

// 2. Store a value; SET replies OK. / Сохраняем значение; SET отвечает OK.
const key = 'message:1';
const result = await redis.set(key, 'Hello from JavaScript!');
console.log(`SET ${key}: ${result}`);

// 3. Read it back. / Читаем обратно.
console.log(`GET ${key}: ${await redis.get(key)}`);

// Close the connection, or the program never ends. / Закройте соединение, иначе программа не завершится.
await redis.quit();
