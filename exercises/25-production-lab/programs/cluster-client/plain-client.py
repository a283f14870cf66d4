# Wrong on purpose: a plain client on one node. Keys whose slot another
# master serves get "MOVED <slot> <host>:<port>", which it does not follow.
# Неправильно нарочно: обычный клиент на одном узле. Ключи, чей слот
# обслуживает другой мастер, получают "MOVED <слот> <host>:<port>", а он не
# идёт по этому ответу.
import os

import redis

r = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)

for n in range(1, 7):
    r.set(f"product:{n}", f"item-{n}")

for n in range(1, 7):
    key = f"product:{n}"
    print(f"{key} = {r.get(key)}")
