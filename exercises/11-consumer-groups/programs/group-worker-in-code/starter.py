# A worker of the group shipping: read orders with XREADGROUP, ship, XACK.
# Обработчик группы shipping: читает заказы через XREADGROUP, отправляет, XACK.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

print("worker-1 waiting for orders...")

# TODO: loop: reply = r.xreadgroup("shipping", "worker-1", {"orders": ">"}, count=1, block=30000);
#       an empty reply means 30 s without orders: stop. Otherwise [[_, [(entry_id, fields)]]] = reply,
#       print "Shipping order <order_id>: <item>", RPUSH the order_id to orders:shipped,
#       then r.xack("orders", "shipping", entry_id).
# TODO: цикл: reply = r.xreadgroup("shipping", "worker-1", {"orders": ">"}, count=1, block=30000);
#       пустой ответ — 30 с без заказов: выходите. Иначе [[_, [(entry_id, fields)]]] = reply,
#       напечатайте "Shipping order <order_id>: <item>", добавьте order_id в orders:shipped (RPUSH),
#       затем r.xack("orders", "shipping", entry_id).
