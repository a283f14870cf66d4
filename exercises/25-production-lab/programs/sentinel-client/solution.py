# A client that follows a Sentinel failover: it asks the sentinels where the
# master is instead of keeping one address.
# Клиент, который переживает failover в Sentinel: он спрашивает у sentinel,
# где мастер, а не держит один адрес.
import os
import time

from redis.exceptions import ConnectionError, ReadOnlyError, TimeoutError
from redis.sentinel import MasterNotFoundError, Sentinel

password = os.environ.get("REDIS_PASSWORD")
name = os.environ.get("REDIS_SENTINEL_MASTER", "mymaster")
sentinels = [(host, int(port)) for host, port in (address.rsplit(":", 1) for address in os.environ["REDIS_SENTINELS"].split(","))]

# The sentinels want the password too: it goes in sentinel_kwargs.
# Sentinel тоже нужен пароль: он передаётся в sentinel_kwargs.
sentinel = Sentinel(sentinels, socket_timeout=0.5, sentinel_kwargs={"password": password})


def master_address():
    try:
        return sentinel.discover_master(name)
    except MasterNotFoundError:
        # The sentinels see the master down and have not promoted a replica yet.
        # Sentinel видят, что мастер лежит, и ещё не повысили реплику.
        return None

master = sentinel.master_for(name, password=password, socket_timeout=0.5, decode_responses=True)

master.set("orders:before", "placed")
host, port = sentinel.discover_master(name)
print(f"wrote orders:before on the master at {host}:{port}")

# The tutor kills that master now. Wait until the sentinels name another one.
# Сейчас тренажёр убьёт этот мастер. Ждём, пока sentinel назовут другой.
deadline = time.monotonic() + 30
while master_address() in (None, (host, port)):
    if time.monotonic() > deadline:
        raise SystemExit("no failover within 30 s")
    time.sleep(0.2)

# The same client, no new address: its pool asks the sentinels again.
# The first call may still fail on the dead connection: retry it.
# Тот же клиент, без нового адреса: его пул снова спрашивает sentinel.
# Первый вызов ещё может упасть на мёртвом соединении: повторяем.
while True:
    try:
        master.set("orders:after", "placed")
        break
    except (ConnectionError, TimeoutError, ReadOnlyError):
        if time.monotonic() > deadline:
            raise
        time.sleep(0.2)
host, port = master_address()
print(f"wrote orders:after on the new master at {host}:{port}")
