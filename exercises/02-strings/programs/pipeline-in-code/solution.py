# Pipelining: send 1000 SETs in one round trip instead of waiting for each reply.
# Конвейер: отправляем 1000 SET за один круг вместо ожидания каждого ответа.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# transaction=False: just batching, no MULTI/EXEC around it.
# transaction=False: только пакет, без MULTI/EXEC вокруг.
pipe = r.pipeline(transaction=False)
for i in range(1, 1001):
    pipe.set(f"stock:{i}", 100)  # queued here, nothing is sent yet / в очередь, пока ничего не отправлено
replies = pipe.execute()  # one write, then all 1000 replies / одна запись, затем все 1000 ответов

print(f"Wrote {replies.count(True)} keys in one round trip")
