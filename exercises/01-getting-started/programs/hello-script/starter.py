# A script that greets you and counts how many times it has run.
# Скрипт, который здоровается и считает, сколько раз его запускали.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# TODO: store "Redis User" in the key name, then print "Hello, " and the value read back with GET.
# TODO: сохраните "Redis User" в ключ name, затем напечатайте "Hello, " и значение, прочитанное через GET.
print("Hello, stranger")

# TODO: count this run: add 1 to the counter visits with INCR (r.incr) and print "Visits:" with the new count.
# TODO: посчитайте этот запуск: увеличьте счётчик visits на 1 через INCR (r.incr) и напечатайте "Visits:" с новым значением.
