# Anna pays 30: WATCH the balance, write in MULTI/EXEC, retry when EXEC is refused.
# Анна платит 30: WATCH на баланс, запись в MULTI/EXEC, повтор, если EXEC отклонён.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

attempt = 0
with r.pipeline() as pipe:
    attempt += 1
    # TODO: make this a loop (while True:) with try/except redis.WatchError around it, so a refused EXEC
    #       retries from WATCH; break once execute() went through.
    # TODO: сделайте это циклом (while True:) с try/except redis.WatchError вокруг, чтобы отклонённый EXEC
    #       повторялся с WATCH; break, когда execute() прошёл.
    pipe.watch("account:anna:balance")
    balance = int(pipe.get("account:anna:balance"))
    pipe.multi()
    # TODO: queue SET account:anna:balance <balance - 30> and RPUSH payments:anna order:5001:30, then pipe.execute().
    # TODO: поставьте в очередь SET account:anna:balance <balance - 30> и RPUSH payments:anna order:5001:30,
    #       затем pipe.execute().
    pipe.reset()

print(f"Paid on attempt {attempt}")
