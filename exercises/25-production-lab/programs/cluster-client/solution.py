# A cluster-aware client: it learns which node serves which slot and sends
# each key where it lives, following MOVED when the map changes.
# Клиент, знающий о кластере: он узнаёт, какой узел обслуживает какой слот, и
# отправляет каждый ключ туда, где он живёт, следуя MOVED, если карта меняется.
import os

from redis.cluster import ClusterNode, RedisCluster

password = os.environ.get("REDIS_PASSWORD")
nodes = [ClusterNode(host, int(port)) for host, port in (address.rsplit(":", 1) for address in os.environ["REDIS_CLUSTER_NODES"].split(","))]

cluster = RedisCluster(startup_nodes=nodes, password=password, decode_responses=True)

for n in range(1, 7):
    cluster.set(f"product:{n}", f"item-{n}")

# Each key is read from the master that serves its slot.
# Каждый ключ читается с мастера, который обслуживает его слот.
for n in range(1, 7):
    key = f"product:{n}"
    print(f"{key} = {cluster.get(key)} (slot {cluster.keyslot(key)})")

cluster.close()
