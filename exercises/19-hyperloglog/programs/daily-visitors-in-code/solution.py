# Unique visitors per day: PFADD every visit to the day's HyperLogLog, PFCOUNT each day.
# Уникальные посетители по дням: PFADD каждого визита в HyperLogLog дня, PFCOUNT для каждого дня.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

days = []
for line in r.lrange("log:visits", 0, -1):
    day, user = line.split()
    # A visitor seen before changes nothing: the HyperLogLog counts distinct ones.
    # Уже виденный посетитель ничего не меняет: HyperLogLog считает различных.
    r.pfadd(f"visitors:{day}", user)
    if day not in days:
        days.append(day)

for day in days:
    print(f"{day}: {r.pfcount(f'visitors:{day}')} unique visitors")
