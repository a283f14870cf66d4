# A reliable worker: requeue what a crash left, then BLMOVE each job into a processing list
# and LREM it once done, so a crash never loses a job.
# Надёжный обработчик: вернуть оставшееся после падения, затем перекладывать каждую задачу через BLMOVE
# в список обрабатываемых и удалять её через LREM после работы — падение не теряет задач.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

QUEUE = "queue:emails"
PROCESSING = "queue:emails:processing"

# TODO 1: move every job from PROCESSING back to the RIGHT end of QUEUE with LMOVE
#         (r.lmove(PROCESSING, QUEUE, "RIGHT", "RIGHT")) until it returns None.
# TODO 1: верните каждую задачу из PROCESSING на правый (RIGHT) конец QUEUE через LMOVE
#         (r.lmove(PROCESSING, QUEUE, "RIGHT", "RIGHT")), пока он не вернёт None.

print("Worker started, waiting for", QUEUE)

# TODO 2: loop: job = r.blmove(QUEUE, PROCESSING, 30, "RIGHT", "LEFT"); stop on None. Print "Sending:" and the job,
#         RPUSH it to emails:sent, then acknowledge with LREM (r.lrem(PROCESSING, 1, job)).
# TODO 2: цикл: job = r.blmove(QUEUE, PROCESSING, 30, "RIGHT", "LEFT"); при None выходите. Напечатайте "Sending:" и задачу,
#         добавьте её в emails:sent через RPUSH и подтвердите через LREM (r.lrem(PROCESSING, 1, job)).
