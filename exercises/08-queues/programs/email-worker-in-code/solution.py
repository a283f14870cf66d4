# An e-mail worker: wait for jobs with BRPOP, send each, record it in emails:sent.
# Обработчик писем: ждёт задачи через BRPOP, отправляет каждую, записывает в emails:sent.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

print("Worker started, waiting for queue:emails...")

while True:
    # Blocks until a job arrives: no polling. None: 30 seconds without work.
    # Блокируется до появления задачи: без опроса. None — 30 секунд без работы.
    item = r.brpop("queue:emails", timeout=30)
    if item is None:
        break
    _, job = item
    print("Sending email:", job)
    r.rpush("emails:sent", job)
