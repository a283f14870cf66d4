# A fixed-window rate limiter: at most 5 requests per user per minute.
# Ограничитель с фиксированным окном: не больше 5 запросов от пользователя в минуту.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

LIMIT = 5
WINDOW_SECONDS = 60


def allow(user_id):
    key = f"rate:user:{user_id}"
    # MULTI/EXEC: a counter is never left without its expiry.
    # MULTI/EXEC: счётчик никогда не остаётся без срока жизни.
    pipe = r.pipeline()
    pipe.incr(key)
    pipe.expire(key, WINDOW_SECONDS)
    count, _ = pipe.execute()
    return count <= LIMIT


for request in range(1, 8):
    print(f"request {request}:", "allowed" if allow(42) else "blocked")
