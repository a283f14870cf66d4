# A task queue on a list: the producer pushes with LPUSH, the consumer pops with RPOP.
# Очередь задач на списке: производитель добавляет через LPUSH, потребитель извлекает через RPOP.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def produce(task):
    r.lpush("tasks", task)


def work():
    handled = 0
    # LPUSH at the head, RPOP at the tail: the oldest task first. None: the queue is empty.
    # LPUSH в начало, RPOP с конца: сначала самая старая задача. None — очередь пуста.
    while (task := r.rpop("tasks")) is not None:
        print("Handling:", task)
        r.rpush("tasks:done", task)
        handled += 1
    return handled


for task in ["Convert image", "Resize PDF", "Send report"]:
    produce(task)

print("Done:", work(), "tasks")
