# A reliable worker: requeue what a crash left, then BLMOVE each job into a processing list
# and LREM it once done, so a crash never loses a job.
# Надёжный обработчик: вернуть оставшееся после падения, затем перекладывать каждую задачу через BLMOVE
# в список обрабатываемых и удалять её через LREM после работы — падение не теряет задач.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

QUEUE = "queue:emails"
PROCESSING = "queue:emails:processing"

# The RIGHT end is where jobs are taken from: requeued jobs run next.
# С правого конца задачи забирают: возвращённые задачи выполнятся следующими.
while r.lmove(PROCESSING, QUEUE, "RIGHT", "RIGHT") is not None:
    pass

print("Worker started, waiting for", QUEUE)

while True:
    # The job stays in PROCESSING until acknowledged: a crash here loses nothing.
    # Задача лежит в PROCESSING до подтверждения: падение здесь ничего не теряет.
    job = r.blmove(QUEUE, PROCESSING, 30, "RIGHT", "LEFT")
    if job is None:
        break
    print("Sending:", job)
    r.rpush("emails:sent", job)
    r.lrem(PROCESSING, 1, job)
