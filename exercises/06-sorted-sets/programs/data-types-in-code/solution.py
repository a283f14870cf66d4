# The five data types from code: one key of each, written and read back with redis-py.
# Пять типов данных из кода: по ключу каждого типа, записать и прочитать через redis-py.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# String: a page-view counter. / Строка: счётчик просмотров.
r.set("views", 1)
r.incr("views")
print("Views:", r.get("views"))

# Hash: an object's fields under one key. / Хэш: поля объекта под одним ключом.
r.hset("user:1", mapping={"name": "Anna", "email": "anna@mail.com"})
print("User:", r.hgetall("user:1"))

# List: a queue in insertion order. / Список: очередь в порядке добавления.
r.lpush("queue", "task1")
r.rpush("queue", "task2")
print("Queue:", r.lrange("queue", 0, -1))

# Set: unique members, no order. / Множество: уникальные элементы без порядка.
r.sadd("skills", "Python", "Redis", "Docker")
print("Skills:", sorted(r.smembers("skills")))

# Sorted set: members ordered by score. / Упорядоченное множество: элементы по очкам.
r.zadd("leaderboard", {"Bob": 300, "Alice": 250})
r.zincrby("leaderboard", 50, "Alice")
print("Leaderboard:", r.zrevrange("leaderboard", 0, -1, withscores=True))
