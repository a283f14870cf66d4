# The five data types from code: one key of each, written and read back with redis-py.
# Пять типов данных из кода: по ключу каждого типа, записать и прочитать через redis-py.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# String: a page-view counter. / Строка: счётчик просмотров.
r.set("views", 1)
r.incr("views")
print("Views:", r.get("views"))

# TODO Hash: user:1 with name Anna and email anna@mail.com (r.hset with mapping=), print r.hgetall.
# TODO Хэш: user:1 с полями name Anna и email anna@mail.com (r.hset с mapping=), напечатайте r.hgetall.

# TODO List: the queue with task1 pushed on the left (r.lpush), then task2 on the right (r.rpush); print r.lrange.
# TODO Список: queue, task1 слева (r.lpush), затем task2 справа (r.rpush); напечатайте r.lrange.

# TODO Set: skills with Python, Redis and Docker (r.sadd); print r.smembers.
# TODO Множество: skills с Python, Redis и Docker (r.sadd); напечатайте r.smembers.

# TODO Sorted set: leaderboard with Bob 300 and Alice 250 (r.zadd), then 50 more for Alice (r.zincrby);
#      print r.zrevrange(..., withscores=True).
# TODO Упорядоченное множество: leaderboard с Bob 300 и Alice 250 (r.zadd), затем ещё 50 для Alice (r.zincrby);
#      напечатайте r.zrevrange(..., withscores=True).
