# An alert script over INFO: it watches the master's metrics and prints an
# ALERT line the moment a rule is broken, once per rule.
# Скрипт оповещений по INFO: он следит за метриками мастера и печатает строку
# ALERT, как только нарушено правило, — по одной на правило.
import os
import time

import redis

r = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
# How many replicas the master should have: the lab lists them in REDIS_REPLICAS.
# Сколько реплик должно быть у мастера: лаборатория перечисляет их в REDIS_REPLICAS.
expected_replicas = len([address for address in os.environ.get("REDIS_REPLICAS", "").split(",") if address])

alerted = set()
deadline = time.monotonic() + 10
while len(alerted) < 2 and time.monotonic() < deadline:
    memory = r.info("memory")
    used, limit = memory["used_memory"], memory["maxmemory"]
    if "memory" not in alerted and limit > 0 and used >= 0.8 * limit:
        print(f"ALERT memory: used_memory {used} is {used * 100 // limit}% of maxmemory {limit}")
        alerted.add("memory")

    connected = r.info("replication")["connected_slaves"]
    if "replica" not in alerted and connected < expected_replicas:
        print(f"ALERT replica: {connected} of {expected_replicas} replicas connected")
        alerted.add("replica")

    time.sleep(0.2)
print(f"{len(alerted)} alert(s)")
