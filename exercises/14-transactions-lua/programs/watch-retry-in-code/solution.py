# Anna pays 30: WATCH the balance, write in MULTI/EXEC, retry when EXEC is refused.
# Анна платит 30: WATCH на баланс, запись в MULTI/EXEC, повтор, если EXEC отклонён.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

attempt = 0
with r.pipeline() as pipe:
    while True:
        attempt += 1
        try:
            # watch() puts the pipeline in immediate mode: GET answers now.
            # watch() переводит конвейер в немедленный режим: GET отвечает сразу.
            pipe.watch("account:anna:balance")
            balance = int(pipe.get("account:anna:balance"))
            pipe.multi()
            pipe.set("account:anna:balance", balance - 30)
            pipe.rpush("payments:anna", "order:5001:30")
            pipe.execute()
            break
        except redis.WatchError:
            # EXEC returned nil: the balance changed after WATCH. Read it again.
            # EXEC вернул nil: баланс изменился после WATCH. Читаем заново.
            print(f"Attempt {attempt}: the balance changed, retrying")

print(f"Paid on attempt {attempt}")
