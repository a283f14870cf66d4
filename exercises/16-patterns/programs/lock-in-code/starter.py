# Two jobs under distributed locks: SET NX PX with a token, release only while still ours.
# Две работы под распределёнными блокировками: SET NX PX с токеном, снятие, только пока она наша.
import os
import uuid

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# TODO: the release script: DEL KEYS[1] only when GET KEYS[1] equals ARGV[1] (your token); return 0 otherwise.
#       Then release = r.register_script(RELEASE_LUA).
# TODO: скрипт снятия: DEL KEYS[1], только если GET KEYS[1] равен ARGV[1] (вашему токену); иначе вернуть 0.
#       Затем release = r.register_script(RELEASE_LUA).
RELEASE_LUA = """
return 0
"""


def run_job(lock, done_list, item):
    token = str(uuid.uuid4())
    # TODO: take the lock: r.set(lock, token, nx=True, px=30000); when it answers None, print "<lock>: busy".
    # TODO: возьмите блокировку: r.set(lock, token, nx=True, px=30000); если ответ None — напечатайте "<lock>: busy".
    r.rpush(done_list, item)
    # TODO: release it with the script: release(keys=[lock], args=[token]); print "<lock>: released" for 1,
    #       "<lock>: not ours any more" for 0.
    # TODO: снимите её скриптом: release(keys=[lock], args=[token]); напечатайте "<lock>: released" для 1,
    #       "<lock>: not ours any more" для 0.
    print(f"{lock}: done {item}")


run_job("lock:invoices", "invoices:done", "invoice-77")
run_job("lock:reports", "reports:done", "report-12")
