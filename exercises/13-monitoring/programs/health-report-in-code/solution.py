# A health report: memory and clients from INFO, the slowest recent command from SLOWLOG.
# Отчёт о здоровье: память и клиенты из INFO, самая медленная недавняя команда из SLOWLOG.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

memory = r.info("memory")
clients = r.info("clients")
print(f"used_memory_human: {memory['used_memory_human']}")
print(f"connected_clients: {clients['connected_clients']}")

entries = r.slowlog_get(10)
if entries:
    slowest = max(entries, key=lambda entry: entry["duration"])
    command = slowest["command"]
    # Older redis-py returns the command as bytes even with decode_responses.
    # Старый redis-py отдаёт команду байтами даже с decode_responses.
    if isinstance(command, bytes):
        command = command.decode()
    print(f"slowest: {slowest['duration']} us {command}")
else:
    print("slowest: none")
