# Recovery job worker-2: find the pending entries, claim the idle ones, finish them.
# Задача восстановления worker-2: найти ожидающие записи, забрать простаивающие, доделать.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

print("worker-2 looking for abandoned tasks...")

# TODO: list the pending entries: r.xpending_range("tasks", "thumbnails", "-", "+", count=10);
#       print each one's message_id, consumer and time_since_delivered.
# TODO: перечислите ожидающие записи: r.xpending_range("tasks", "thumbnails", "-", "+", count=10);
#       напечатайте у каждой message_id, consumer и time_since_delivered.

# TODO: claim the ones idle for at least 60 s:
#       _, claimed, *_ = r.xautoclaim("tasks", "thumbnails", "worker-2", min_idle_time=60000, start_id="0-0")
#       For each (entry_id, fields): print "Recovered <id>: <task>", RPUSH the task to thumbnails:done,
#       then r.xack("tasks", "thumbnails", entry_id).
# TODO: заберите простаивающие не меньше 60 с:
#       _, claimed, *_ = r.xautoclaim("tasks", "thumbnails", "worker-2", min_idle_time=60000, start_id="0-0")
#       Для каждой (entry_id, fields): напечатайте "Recovered <id>: <task>", добавьте task в thumbnails:done
#       (RPUSH), затем r.xack("tasks", "thumbnails", entry_id).
