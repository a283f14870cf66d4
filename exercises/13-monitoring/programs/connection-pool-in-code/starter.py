# A connection pool: 20 orders paid by 10 threads that share at most 4 connections.
# Пул подключений: 20 заказов оплачивают 10 потоков, которые делят не больше 4 подключений.
import os
from concurrent.futures import ThreadPoolExecutor

import redis

URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

# TODO: one pool for the whole program: pool = redis.BlockingConnectionPool.from_url(URL, max_connections=4,
#       timeout=10, decode_responses=True) and r = redis.Redis(connection_pool=pool), used by every task.
# TODO: один пул на всю программу: pool = redis.BlockingConnectionPool.from_url(URL, max_connections=4,
#       timeout=10, decode_responses=True) и r = redis.Redis(connection_pool=pool) для всех задач.


def pay_order(order_id):
    # TODO: this opens a new connection for every order: 20 in all. Use the shared r instead.
    # TODO: здесь на каждый заказ открывается новое подключение, всего 20. Используйте общий r.
    r = redis.Redis.from_url(URL, decode_responses=True)
    r.hset(f"order:{order_id}", mapping={"status": "paid"})
    r.incr("stats:orders:paid")
    r.close()


with ThreadPoolExecutor(max_workers=10) as workers:
    list(workers.map(pay_order, range(1, 21)))

print("Orders paid")
