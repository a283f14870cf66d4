# Wrong on purpose: the same steps as the solution, but the writes go through a
# plain client on REDIS_URL, pinned to the address the master had at the
# start. After the failover nothing answers there, and retrying does not help.
# Неправильно нарочно: те же шаги, что в решении, но запись идёт через обычный
# клиент на REDIS_URL, привязанный к адресу, который был у мастера в начале.
# После failover там никто не отвечает, и повторы не помогают.
import os
import time

import redis
from redis.exceptions import ConnectionError, TimeoutError
from redis.sentinel import MasterNotFoundError, Sentinel

password = os.environ.get("REDIS_PASSWORD")
name = os.environ.get("REDIS_SENTINEL_MASTER", "mymaster")
sentinels = [(host, int(port)) for host, port in (address.rsplit(":", 1) for address in os.environ["REDIS_SENTINELS"].split(","))]
sentinel = Sentinel(sentinels, socket_timeout=0.5, sentinel_kwargs={"password": password})


def master_address():
    try:
        return sentinel.discover_master(name)
    except MasterNotFoundError:
        # The sentinels see the master down and have not promoted a replica yet.
        # Sentinel видят, что мастер лежит, и ещё не повысили реплику.
        return None


r = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=0.5, decode_responses=True)
r.set("orders:before", "placed")
first = sentinel.discover_master(name)
print("wrote orders:before")

deadline = time.monotonic() + 30
while master_address() in (None, first):
    if time.monotonic() > deadline:
        raise SystemExit("no failover within 30 s")
    time.sleep(0.2)

retry_until = time.monotonic() + 3
while True:
    try:
        r.set("orders:after", "placed")
        break
    except (ConnectionError, TimeoutError):
        if time.monotonic() > retry_until:
            raise
        time.sleep(0.2)
print("wrote orders:after")
