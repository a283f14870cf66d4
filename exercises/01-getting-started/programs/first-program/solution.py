# Your first Redis program: connect, store a value, read it back.
# Ваша первая программа для Redis: подключиться, сохранить значение, прочитать его.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# 1. Check the connection. / Проверяем соединение.
if r.ping():
    print("Connected to Redis!")

# 2. Store a value; SET returns True. / Сохраняем значение; SET возвращает True.
key = "message:1"
result = r.set(key, "Hello from Python!")
print(f"SET {key}: {result}")

# 3. Read it back. / Читаем обратно.
print(f"GET {key}: {r.get(key)}")
