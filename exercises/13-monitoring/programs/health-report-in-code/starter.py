# A health report: memory and clients from INFO, the slowest recent command from SLOWLOG.
# Отчёт о здоровье: память и клиенты из INFO, самая медленная недавняя команда из SLOWLOG.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

print("Health report")

# TODO: r.info("memory") and r.info("clients") are dicts: print "used_memory_human: <value>"
#       and "connected_clients: <value>".
# TODO: r.info("memory") и r.info("clients") — словари: напечатайте "used_memory_human: <значение>"
#       и "connected_clients: <значение>".

# TODO: entries = r.slowlog_get(10); take the one with the largest entry["duration"] and print
#       "slowest: <duration> us <command>" (entry["command"] may be bytes: .decode() it).
# TODO: entries = r.slowlog_get(10); возьмите запись с наибольшим entry["duration"] и напечатайте
#       "slowest: <длительность> us <команда>" (entry["command"] может быть байтами: сделайте .decode()).
