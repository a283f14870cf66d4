# An alert script over INFO: it watches the master's metrics and prints an
# ALERT line the moment a rule is broken, once per rule.
# Скрипт оповещений по INFO: он следит за метриками мастера и печатает строку
# ALERT, как только нарушено правило, — по одной на правило.
#
# redis-tutor runs it with REDIS_URL (the master) and REDIS_REPLICAS
# (host:port of each replica the master should have).
# redis-tutor запускает его с REDIS_URL (мастер) и REDIS_REPLICAS
# (host:port каждой реплики, которая должна быть у мастера).
import os

import redis

r = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
expected_replicas = len([address for address in os.environ.get("REDIS_REPLICAS", "").split(",") if address])

memory = r.info("memory")
print(f"used_memory {memory['used_memory']}, maxmemory {memory['maxmemory']}")
print(f"replicas connected: {r.info('replication')['connected_slaves']} of {expected_replicas}")

# TODO: look every 0.2 s, for up to 10 s, until both alerts have been printed:
#   - used_memory >= 80% of maxmemory (and maxmemory > 0): print a line starting "ALERT memory:";
#   - connected_slaves < expected_replicas: print a line starting "ALERT replica:".
#   Print each alert once.
# TODO: проверяйте раз в 0,2 с, не дольше 10 с, пока не напечатаны оба оповещения:
#   - used_memory >= 80% от maxmemory (и maxmemory > 0): строка, начинающаяся с "ALERT memory:";
#   - connected_slaves < expected_replicas: строка, начинающаяся с "ALERT replica:".
#   Каждое оповещение — один раз.
