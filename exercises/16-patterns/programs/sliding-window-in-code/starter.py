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
    sec, usec = r.time()
    now = sec * 1000 + usec // 1000
    # TODO: in one pipeline: ZREMRANGEBYSCORE key 0 now-WINDOW_MS, then ZCARD key.
    #       When the count is LIMIT or more: return False. Otherwise ZADD key {f"{now}:{uuid.uuid4().hex[:8]}": now},
    #       PEXPIRE key WINDOW_MS and return True.
    # TODO: одним конвейером: ZREMRANGEBYSCORE key 0 now-WINDOW_MS, затем ZCARD key.
    #       Если счётчик LIMIT или больше — return False. Иначе ZADD key {f"{now}:{uuid.uuid4().hex[:8]}": now},
    #       PEXPIRE key WINDOW_MS и return True.
    return True


for n in range(1, 8):
    print(f"request {n}: {'allowed' if allow(42) else 'denied'}")
