# A task queue on a list: the producer pushes with LPUSH, the consumer pops with RPOP.
# Очередь задач на списке: производитель добавляет через LPUSH, потребитель извлекает через RPOP.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def produce(task):
    # TODO: push the task onto the list tasks with LPUSH (r.lpush).
    # TODO: добавьте задачу в список tasks через LPUSH (r.lpush).
    pass


def work():
    handled = 0
    # TODO: pop tasks with RPOP (r.rpop) until it returns None; for each, print "Handling:" and the task,
    #       and record it in the list tasks:done with RPUSH (r.rpush).
    # TODO: извлекайте задачи через RPOP (r.rpop), пока он не вернёт None; для каждой напечатайте
    #       "Handling:" и задачу и запишите её в список tasks:done через RPUSH (r.rpush).
    return handled


for task in ["Convert image", "Resize PDF", "Send report"]:
    produce(task)

print("Done:", work(), "tasks")
