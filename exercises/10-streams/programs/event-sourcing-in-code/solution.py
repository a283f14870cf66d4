# Event sourcing: rebuild account 42's balance by replaying its stream of events.
# Event sourcing: восстанавливаем баланс счёта 42, воспроизводя поток его событий.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

balance = 0
last_id = None
# Every event, oldest first: the order is the history.
# Все события от старых к новым: порядок и есть история.
for entry_id, fields in r.xrange("account:42:events", "-", "+"):
    amount = int(fields["amount"])
    if fields["type"] == "deposit":
        balance += amount
    elif fields["type"] == "withdrawal":
        balance -= amount
    last_id = entry_id

# The projection remembers where it stopped, so the next run reads only newer events.
# Проекция помнит, где остановилась, и следующий запуск прочитает только новые события.
r.hset("account:42", mapping={"balance": balance, "last_event": last_id})
print(f"Balance of account 42: {balance}")
