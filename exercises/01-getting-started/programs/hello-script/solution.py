# A script that greets you and counts how many times it has run.
# Скрипт, который здоровается и считает, сколько раз его запускали.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

r.set("name", "Redis User")
print("Hello,", r.get("name"))

# INCR adds 1 and returns the new count (a missing key counts as 0).
# INCR прибавляет 1 и возвращает новое значение (отсутствующий ключ считается нулём).
visits = r.incr("visits")
print("Visits:", visits)
