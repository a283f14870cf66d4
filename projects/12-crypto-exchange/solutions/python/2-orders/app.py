"""Crypto exchange (variant 12): a reference solution up to stage 2."""
import os
import sys

import redis

ASSETS = ("BTC", "USD")


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def positive(text: str) -> int | None:
    return int(text) if text.isdigit() and int(text) > 0 else None


def deposit(r: redis.Redis, user: str, asset: str, amount: str) -> int:
    value = positive(amount)
    if value is None or asset not in ASSETS:
        print("invalid amount", file=sys.stderr)
        return 1
    print(f"{user} has {r.hincrby(f'balance:{user}', asset, value)} {asset}")
    return 0


def balance(r: redis.Redis, user: str) -> int:
    wallet = r.hgetall(f"balance:{user}")
    for asset in sorted(wallet):
        print(f"{asset} {wallet[asset]}")
    if not wallet:
        print("no funds")
    return 0


def place(r: redis.Redis, side: str, user: str, price: str, amount: str) -> int:
    price_value, amount_value = positive(price), positive(amount)
    if price_value is None or amount_value is None:
        print("invalid amount", file=sys.stderr)
        return 1
    wallet = f"balance:{user}"
    asset, held = ("USD", price_value * amount_value) if side == "buy" else ("BTC", amount_value)
    if int(r.hget(wallet, asset) or 0) < held:
        print("insufficient funds", file=sys.stderr)
        return 1
    r.hincrby(wallet, asset, -held)
    order_id = r.incr("orders:next")
    book = "book:bids" if side == "buy" else "book:asks"
    r.hset(f"order:{order_id}", mapping={"user": user, "side": side, "price": price_value, "amount": amount_value})
    r.zadd(book, {str(order_id): price_value})
    print(f"order {order_id} placed")
    return 0


def buy(r: redis.Redis, user: str, price: str, amount: str) -> int:
    return place(r, "buy", user, price, amount)


def sell(r: redis.Redis, user: str, price: str, amount: str) -> int:
    return place(r, "sell", user, price, amount)


def cancel(r: redis.Redis, user: str, order_id: str) -> int:
    order = r.hgetall(f"order:{order_id}")
    if order.get("user") != user:
        print(f"no order {order_id} for {user}", file=sys.stderr)
        return 1
    if order["side"] == "buy":
        r.hincrby(f"balance:{user}", "USD", int(order["price"]) * int(order["amount"]))
        r.zrem("book:bids", order_id)
    else:
        r.hincrby(f"balance:{user}", "BTC", int(order["amount"]))
        r.zrem("book:asks", order_id)
    r.delete(f"order:{order_id}")
    print(f"order {order_id} cancelled")
    return 0


def book(r: redis.Redis) -> int:
    pipe = r.pipeline(transaction=False)
    pipe.zrange("book:asks", 0, -1, withscores=True)
    pipe.zrevrange("book:bids", 0, -1, withscores=True)
    asks, bids = pipe.execute()
    # One round trip for every order's amount.
    pipe = r.pipeline(transaction=False)
    for order_id, _ in asks + bids:
        pipe.hget(f"order:{order_id}", "amount")
    amounts = pipe.execute()
    for i, (_, price) in enumerate(asks):
        print(f"ask {int(price)} {amounts[i]}")
    for i, (_, price) in enumerate(bids):
        print(f"bid {int(price)} {amounts[len(asks) + i]}")
    if not asks and not bids:
        print("empty book")
    return 0


COMMANDS = {"deposit": deposit, "balance": balance, "buy": buy, "sell": sell, "cancel": cancel, "book": book}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except TypeError:
        print(f"wrong arguments for {argv[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
