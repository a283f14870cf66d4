# Your first Redis program: connect, store a value, read it back.
# Ваша первая программа для Redis: подключиться, сохранить значение, прочитать его.
#
# redis-tutor runs it with REDIS_URL set to a clean sandbox database.
# redis-tutor запускает её с REDIS_URL, указывающей на чистую базу-песочницу.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# 1. Check the connection. / Проверяем соединение.
if r.ping():
    print("Connected to Redis!")

# 2. TODO: store "Hello from Python!" in the key message:1 (r.set) and print what SET returned.
#    TODO: сохраните "Hello from Python!" в ключ message:1 (r.set) и напечатайте, что вернул SET.

# 3. TODO: read message:1 back (r.get) and print it.
#    TODO: прочитайте message:1 (r.get) и напечатайте значение.
