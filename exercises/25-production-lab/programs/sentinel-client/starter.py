# A client that follows a Sentinel failover: it asks the sentinels where the
# master is instead of keeping one address.
# Клиент, который переживает failover в Sentinel: он спрашивает у sentinel,
# где мастер, а не держит один адрес.
#
# redis-tutor runs it with REDIS_SENTINELS (host:port,host:port,...),
# REDIS_SENTINEL_MASTER (mymaster) and REDIS_PASSWORD (every node's password).
# redis-tutor запускает её с REDIS_SENTINELS (host:port,host:port,...),
# REDIS_SENTINEL_MASTER (mymaster) и REDIS_PASSWORD (пароль всех узлов).
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
host, port = sentinel.discover_master(name)
print(f"the sentinels name the master at {host}:{port}")

# TODO: get a client for the master: sentinel.master_for(name, password=password, decode_responses=True).
# TODO: получите клиент мастера: sentinel.master_for(name, password=password, decode_responses=True).

# TODO: SET orders:before placed, then print "wrote orders:before" (the tutor then kills the master).
# TODO: SET orders:before placed, затем напечатайте "wrote orders:before" (тогда тренажёр убьёт мастер).

# TODO: wait until sentinel.discover_master(name) names another address (poll every 0.2 s, give up after 30 s);
#       while the master is down and no replica is promoted yet it raises MasterNotFoundError.
# TODO: дождитесь, пока sentinel.discover_master(name) назовёт другой адрес (опрос раз в 0,2 с, не дольше 30 с);
#       пока мастер лежит, а реплика ещё не повышена, он бросает MasterNotFoundError.

# TODO: with the same client, SET orders:after placed; retry on ConnectionError, TimeoutError, ReadOnlyError.
# TODO: тем же клиентом SET orders:after placed; повторяйте при ConnectionError, TimeoutError, ReadOnlyError.
