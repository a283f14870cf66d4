# A shopping cart: cart:<user> is a hash of product -> quantity.
# Корзина покупок: cart:<user> — хэш «товар -> количество».
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

PRICES = {"apple": 30, "pear": 45, "milk": 80}


def add_item(user_id, product, qty):
    # TODO: add qty to the product's quantity in cart:<user_id> with HINCRBY (r.hincrby).
    # TODO: прибавьте qty к количеству товара в cart:<user_id> через HINCRBY (r.hincrby).
    pass


def remove_item(user_id, product):
    # TODO: remove the product from cart:<user_id> with HDEL (r.hdel).
    # TODO: удалите товар из cart:<user_id> через HDEL (r.hdel).
    pass


def cart_total(user_id):
    # TODO: read the cart with HGETALL (r.hgetall) and sum PRICES[product] * int(quantity).
    # TODO: прочитайте корзину через HGETALL (r.hgetall) и сложите PRICES[товар] * int(количество).
    return 0


add_item(42, "pear", 2)
add_item(42, "apple", 2)
add_item(42, "milk", 1)
remove_item(42, "milk")

print("Cart:", r.hgetall("cart:42"))
print(f"Total: {cart_total(42)}")
