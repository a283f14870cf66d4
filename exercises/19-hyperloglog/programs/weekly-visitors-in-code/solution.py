# A week of unique visitors: PFMERGE the seven days into a new HyperLogLog.
# Уникальные посетители за неделю: PFMERGE семи дней в новый HyperLogLog.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

days = [f"visitors:2026-03-{d:02}" for d in range(2, 9)]

# A new destination: merging into a day would change that day's own count.
# Новое назначение: объединение в день изменило бы число этого дня.
r.pfmerge("visitors:2026-w10", *days)

print(f"week: {r.pfcount('visitors:2026-w10')}")
# A visitor of several days counts once a day here: more than the week's.
# Посетитель нескольких дней здесь считается раз в день: больше, чем за неделю.
print(f"days added up: {sum(r.pfcount(day) for day in days)}")
