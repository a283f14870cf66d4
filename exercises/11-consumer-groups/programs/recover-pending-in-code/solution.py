# Recovery job worker-2: find the pending entries, claim the idle ones, finish them.
# Задача восстановления worker-2: найти ожидающие записи, забрать простаивающие, доделать.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

for p in r.xpending_range("tasks", "thumbnails", "-", "+", count=10):
    print(f"Pending {p['message_id']} held by {p['consumer']}, idle {p['time_since_delivered']} ms")

# 60 s idle: long enough to spare a live worker's fresh entries.
# 60 с простоя: достаточно, чтобы не трогать свежие записи живого обработчика.
_, claimed, *_ = r.xautoclaim("tasks", "thumbnails", "worker-2", min_idle_time=60000, start_id="0-0")

for entry_id, fields in claimed:
    print(f"Recovered {entry_id}: {fields['task']}")
    r.rpush("thumbnails:done", fields["task"])
    r.xack("tasks", "thumbnails", entry_id)
