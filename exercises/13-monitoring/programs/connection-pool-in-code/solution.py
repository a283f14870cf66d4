# A connection pool: 20 orders paid by 10 threads that share at most 4 connections.
# Пул подключений: 20 заказов оплачивают 10 потоков, которые делят не больше 4 подключений.
import os
from concurrent.futures import ThreadPoolExecutor

import redis

URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

# Blocking: a thread that finds all 4 connections busy waits for one (up to 10 s)
# instead of failing with "Too many connections" as ConnectionPool would.
# Blocking: поток, которому не хватило подключения, ждёт его (до 10 с),
# а не падает с "Too many connections", как с ConnectionPool.
pool = redis.BlockingConnectionPool.from_url(URL, max_connections=4, timeout=10, decode_responses=True)
r = redis.Redis(connection_pool=pool)  # cheap: it opens nothing by itself / дёшево: сам ничего не открывает


def pay_order(order_id):
    # Each command borrows a connection from the pool and gives it back.
    # Каждая команда берёт подключение из пула и возвращает его.
    r.hset(f"order:{order_id}", mapping={"status": "paid"})
    r.incr("stats:orders:paid")


with ThreadPoolExecutor(max_workers=10) as workers:
    list(workers.map(pay_order, range(1, 21)))

print(f"Paid {r.get('stats:orders:paid')} orders")
pool.disconnect()
