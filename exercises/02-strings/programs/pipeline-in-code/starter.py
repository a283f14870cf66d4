# Pipelining: send 1000 SETs in one round trip instead of waiting for each reply.
# Конвейер: отправляем 1000 SET за один круг вместо ожидания каждого ответа.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# TODO: this waits for each reply: 1000 round trips. Queue the SETs on pipe = r.pipeline(transaction=False)
#       (pipe.set(...)) and send them all with replies = pipe.execute().
# TODO: здесь каждый ответ ждут отдельно: 1000 кругов. Поставьте SET в очередь pipe = r.pipeline(transaction=False)
#       (pipe.set(...)) и отправьте все сразу: replies = pipe.execute().
replies = []
for i in range(1, 1001):
    replies.append(r.set(f"stock:{i}", 100))

print(f"Wrote {replies.count(True)} keys in one round trip")
