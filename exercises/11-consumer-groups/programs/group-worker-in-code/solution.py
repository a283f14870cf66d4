# A worker of the group shipping: read orders with XREADGROUP, ship, XACK.
# Обработчик группы shipping: читает заказы через XREADGROUP, отправляет, XACK.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

print("worker-1 waiting for orders...")

while True:
    # ">": entries nobody in the group got yet. Empty reply: 30 s without orders.
    # ">" — записи, которые ещё никто в группе не получал. Пустой ответ — 30 с без заказов.
    reply = r.xreadgroup("shipping", "worker-1", {"orders": ">"}, count=1, block=30000)
    if not reply:
        break
    [[_, [(entry_id, fields)]]] = reply
    print(f"Shipping order {fields['order_id']}: {fields['item']}")
    r.rpush("orders:shipped", fields["order_id"])
    # Acknowledge only once the work is done.
    # Подтверждаем, только когда работа сделана.
    r.xack("orders", "shipping", entry_id)
