# A shopping cart: cart:<user> is a hash of product -> quantity.
# Корзина покупок: cart:<user> — хэш «товар -> количество».
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

PRICES = {"apple": 30, "pear": 45, "milk": 80}


def add_item(user_id, product, qty):
    # Atomic: two tabs adding at once both count. / Атомарно: две вкладки сразу — обе учтены.
    return r.hincrby(f"cart:{user_id}", product, qty)


def remove_item(user_id, product):
    r.hdel(f"cart:{user_id}", product)


def cart_total(user_id):
    # Quantities come back as text. / Количества возвращаются текстом.
    return sum(PRICES[product] * int(qty) for product, qty in r.hgetall(f"cart:{user_id}").items())


add_item(42, "pear", 2)
add_item(42, "apple", 2)
add_item(42, "milk", 1)
remove_item(42, "milk")

print("Cart:", r.hgetall("cart:42"))
print(f"Total: {cart_total(42)}")
