# A stream producer and consumer: XADD an event, then XREAD BLOCK the next one after it.
# Производитель и потребитель потока: XADD события, затем XREAD BLOCK следующего после него.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# TODO Producer: add {"type": "login", "user_id": 123} to the stream events with XADD (r.xadd) and keep the id.
# TODO Производитель: добавьте {"type": "login", "user_id": 123} в поток events через XADD (r.xadd) и сохраните id.
login_id = None
print("Added login:", login_id)

# TODO Consumer: wait for the next entry after login_id: r.xread({"events": login_id}, count=1, block=30000).
#      The reply is [[stream, [(entry_id, fields)]]] ([] on timeout). Print "<type> by user <user_id>"
#      and store entry_id in events:last-seen (r.set).
# TODO Потребитель: дождитесь следующей записи после login_id: r.xread({"events": login_id}, count=1, block=30000).
#      Ответ — [[поток, [(entry_id, поля)]]] ([] по таймауту). Напечатайте "<type> by user <user_id>"
#      и запишите entry_id в events:last-seen (r.set).
