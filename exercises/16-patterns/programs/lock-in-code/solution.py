# Two jobs under distributed locks: SET NX PX with a token, release only while still ours.
# Две работы под распределёнными блокировками: SET NX PX с токеном, снятие, только пока она наша.
import os
import uuid

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# Check and delete in one step: between a client's GET and DEL the lock could change hands.
# Проверка и удаление одним шагом: между GET и DEL клиента блокировка может перейти к другому.
RELEASE_LUA = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""
release = r.register_script(RELEASE_LUA)


def run_job(lock, done_list, item):
    token = str(uuid.uuid4())
    if not r.set(lock, token, nx=True, px=30000):
        print(f"{lock}: busy, skipped")
        return
    try:
        r.rpush(done_list, item)
    finally:
        if release(keys=[lock], args=[token]) == 1:
            print(f"{lock}: released")
        else:
            print(f"{lock}: not ours any more")


run_job("lock:invoices", "invoices:done", "invoice-77")
run_job("lock:reports", "reports:done", "report-12")
