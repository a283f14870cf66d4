# Event sourcing: rebuild account 42's balance by replaying its stream of events.
# Event sourcing: восстанавливаем баланс счёта 42, воспроизводя поток его событий.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

balance = 0
last_id = None
# TODO: read every event: for entry_id, fields in r.xrange("account:42:events", "-", "+"):
#       a "deposit" adds int(fields["amount"]), a "withdrawal" subtracts it; keep entry_id in last_id.
# TODO: прочитайте все события: for entry_id, fields in r.xrange("account:42:events", "-", "+"):
#       "deposit" прибавляет int(fields["amount"]), "withdrawal" вычитает; entry_id сохраните в last_id.

# TODO: store the projection: r.hset("account:42", mapping={"balance": ..., "last_event": ...})
# TODO: сохраните проекцию: r.hset("account:42", mapping={"balance": ..., "last_event": ...})
print(f"Balance of account 42: {balance}")
