# A stream producer and consumer: XADD an event, then XREAD BLOCK the next one after it.
# Производитель и потребитель потока: XADD события, затем XREAD BLOCK следующего после него.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

login_id = r.xadd("events", {"type": "login", "user_id": 123})
print("Added login:", login_id)

# After a known id, not $: nothing added in between is skipped. BLOCK is in milliseconds.
# После известного id, а не $: ничего добавленного в промежутке не пропадёт. BLOCK — в миллисекундах.
reply = r.xread({"events": login_id}, count=1, block=30000)
if not reply:
    print("No new events in 30 seconds")
else:
    [[_, [(entry_id, fields)]]] = reply
    print(f"{fields['type']} by user {fields['user_id']}")
    # Where to go on from after a restart. / С какого места продолжить после перезапуска.
    r.set("events:last-seen", entry_id)
