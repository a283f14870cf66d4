# A week of unique visitors: PFMERGE the seven days into a new HyperLogLog.
# Уникальные посетители за неделю: PFMERGE семи дней в новый HyperLogLog.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

days = [f"visitors:2026-03-{d:02}" for d in range(2, 9)]
print("Days:", ", ".join(days))

# TODO: r.pfmerge("visitors:2026-w10", *days), then print "week: <r.pfcount('visitors:2026-w10')>".
# TODO: r.pfmerge("visitors:2026-w10", *days), затем напечатайте "week: <r.pfcount('visitors:2026-w10')>".

# TODO: print "days added up: <n>", the seven r.pfcount(day) added up.
# TODO: напечатайте "days added up: <n>" — сумму семи r.pfcount(day).
