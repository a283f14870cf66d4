# Cache invalidation on update: write the database, then delete the cached copy,
# so the next read misses and caches the fresh data.
# Инвалидация кэша при обновлении: запишите в базу, затем удалите копию в кэше,
# чтобы следующее чтение промахнулось и закэшировало свежие данные.
import json
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

TTL_SECONDS = 300


def get_product(product_id):
    # Cache-aside: the copy first, the database (the hash db:product:<id>) on a miss.
    # Cache-aside: сначала копия, при промахе — база (хэш db:product:<id>).
    key = f"cache:product:{product_id}"
    cached = r.get(key)
    if cached is not None:
        print("Cache HIT", key)
        return json.loads(cached)
    print("Cache MISS", key)
    product = r.hgetall(f"db:product:{product_id}")
    r.set(key, json.dumps(product), ex=TTL_SECONDS)
    return product


def update_price(product_id, price):
    r.hset(f"db:product:{product_id}", "price", price)
    # TODO: the cached copy is stale now: delete cache:product:<id> (r.delete) after the write.
    # TODO: копия в кэше теперь устарела: удалите cache:product:<id> (r.delete) после записи.


print(f"Price of product 7 before: {get_product(7)['price']}")
update_price(7, 1790)
print(f"Price of product 7: {get_product(7)['price']}")
