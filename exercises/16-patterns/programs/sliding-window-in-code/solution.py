# A sliding-window rate limiter: 5 requests per 60 s, one sorted-set member per request.
# Ограничитель со скользящим окном: 5 запросов за 60 с, по участнику на запрос.
import os
import uuid

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

LIMIT = 5
WINDOW_MS = 60_000


def allow(user_id):
    key = f"ratelimit:user:{user_id}"
    # The server's clock: every app server agrees on the window.
    # Часы сервера: все серверы приложения согласны насчёт окна.
    sec, usec = r.time()
    now = sec * 1000 + usec // 1000
    pipe = r.pipeline()
    pipe.zremrangebyscore(key, 0, now - WINDOW_MS)
    pipe.zcard(key)
    _, count = pipe.execute()
    if count >= LIMIT:
        return False
    # A random suffix: two requests in one millisecond stay two members.
    # Случайный суффикс: два запроса в одну миллисекунду остаются двумя участниками.
    pipe = r.pipeline()
    pipe.zadd(key, {f"{now}:{uuid.uuid4().hex[:8]}": now})
    pipe.pexpire(key, WINDOW_MS)
    pipe.execute()
    return True


for n in range(1, 8):
    print(f"request {n}: {'allowed' if allow(42) else 'denied'}")
