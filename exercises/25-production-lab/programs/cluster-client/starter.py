# A cluster-aware client: it learns which node serves which slot and sends
# each key where it lives, following MOVED when the map changes.
# Клиент, знающий о кластере: он узнаёт, какой узел обслуживает какой слот, и
# отправляет каждый ключ туда, где он живёт, следуя MOVED, если карта меняется.
#
# redis-tutor runs it with REDIS_CLUSTER_NODES (host:port,host:port,...) and
# REDIS_PASSWORD (every node's password).
# redis-tutor запускает её с REDIS_CLUSTER_NODES (host:port,host:port,...) и
# REDIS_PASSWORD (пароль всех узлов).
import os

from redis.cluster import ClusterNode, RedisCluster

password = os.environ.get("REDIS_PASSWORD")
nodes = [ClusterNode(host, int(port)) for host, port in (address.rsplit(":", 1) for address in os.environ["REDIS_CLUSTER_NODES"].split(","))]

cluster = RedisCluster(startup_nodes=nodes, password=password, decode_responses=True)
print(f"the cluster has {len(cluster.get_primaries())} masters")

# TODO: SET product:1 .. product:6 to item-1 .. item-6.
# TODO: SET product:1 .. product:6 в значения item-1 .. item-6.

# TODO: GET each one back and print "product:N = item-N" (cluster.keyslot(key) gives its slot).
# TODO: прочитайте каждый (GET) и напечатайте "product:N = item-N" (cluster.keyslot(key) даёт его слот).

cluster.close()
