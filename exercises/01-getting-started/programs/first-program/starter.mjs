// Your first Redis program: connect, store a value, read it back.
// Ваша первая программа для Redis: подключиться, сохранить значение, прочитать его.
//
// redis-tutor runs it with REDIS_URL set to a clean sandbox database.
// redis-tutor запускает её с REDIS_URL, указывающей на чистую базу-песочницу.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// 1. Check the connection. / Проверяем соединение.
if ((await redis.ping()) === 'PONG') console.log('Connected to Redis!');

// 2. TODO: store "Hello from JavaScript!" in the key message:1 (redis.set) and print what SET returned.
//    TODO: сохраните "Hello from JavaScript!" в ключ message:1 (redis.set) и напечатайте, что вернул SET.

// 3. TODO: read message:1 back (redis.get) and print it.
//    TODO: прочитайте message:1 (redis.get) и напечатайте значение.

// Close the connection, or the program never ends. / Закройте соединение, иначе программа не завершится.
await redis.quit();
