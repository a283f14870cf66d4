# A fixed-window rate limiter: at most 5 requests per user per minute.
# Ограничитель с фиксированным окном: не больше 5 запросов от пользователя в минуту.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

LIMIT = 5
WINDOW_SECONDS = 60


def allow(user_id):
    key = f"rate:user:{user_id}"
    # TODO: in one transaction (pipe = r.pipeline()), INCR the key and EXPIRE it for WINDOW_SECONDS;
    #       pipe.execute() returns both replies. Return whether the count is at most LIMIT.
    # TODO: одной транзакцией (pipe = r.pipeline()) выполните INCR ключа и EXPIRE на WINDOW_SECONDS;
    #       pipe.execute() вернёт оба ответа. Верните, не больше ли счётчик LIMIT.
    return True


for request in range(1, 8):
    print(f"request {request}:", "allowed" if allow(42) else "blocked")
