# Wrong on purpose: it watches memory only. The memory alert comes, but the
# replica that goes away a moment later is nobody's business here.
# Неправильно нарочно: он следит только за памятью. Оповещение о памяти
# приходит, а реплика, пропавшая мгновением позже, никого здесь не волнует.
import os
import time

import redis

r = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)

deadline = time.monotonic() + 10
while time.monotonic() < deadline:
    memory = r.info("memory")
    used, limit = memory["used_memory"], memory["maxmemory"]
    if limit > 0 and used >= 0.8 * limit:
        print(f"ALERT memory: used_memory {used} is {used * 100 // limit}% of maxmemory {limit}")
        break
    time.sleep(0.2)
