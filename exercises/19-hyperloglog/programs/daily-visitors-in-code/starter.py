# Unique visitors per day: PFADD every visit to the day's HyperLogLog, PFCOUNT each day.
# Уникальные посетители по дням: PFADD каждого визита в HyperLogLog дня, PFCOUNT для каждого дня.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

visits = r.lrange("log:visits", 0, -1)
print(f"{len(visits)} visits in the log")

# TODO: for each visit "<day> <user>": r.pfadd(f"visitors:{day}", user), and remember the day.
# TODO: для каждого визита "<день> <пользователь>": r.pfadd(f"visitors:{day}", user), и запомните день.

# TODO: for each day: print "<day>: <r.pfcount(f'visitors:{day}')> unique visitors".
# TODO: для каждого дня: напечатайте "<день>: <r.pfcount(f'visitors:{day}')> unique visitors".
