# An e-mail worker: wait for jobs with BRPOP, send each, record it in emails:sent.
# Обработчик писем: ждёт задачи через BRPOP, отправляет каждую, записывает в emails:sent.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

print("Worker started, waiting for queue:emails...")

# TODO: loop: wait for a job with BRPOP (r.brpop("queue:emails", timeout=30)); it returns (list, job), or None
#       when it timed out: then stop. For each job print "Sending email:" and the job, and RPUSH it to emails:sent.
# TODO: цикл: ждите задачу через BRPOP (r.brpop("queue:emails", timeout=30)); он вернёт (список, задача) или None,
#       если истёк таймаут: тогда выходите. Для каждой задачи напечатайте "Sending email:" и задачу и добавьте её
#       в emails:sent через RPUSH.
