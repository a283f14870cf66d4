"""Shopping cart (variant 2): a reference solution up to stage 3."""
import os
import sys

import redis

# Checks that the product is in the cart and writes in one atomic step:
# a concurrent remove cannot slip in between and have the product come back.
SET_QUANTITY = """
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return -1 end
if tonumber(ARGV[2]) == 0 then return redis.call('HDEL', KEYS[1], ARGV[1]) - 1 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return tonumber(ARGV[2])
"""


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def cart_key(user: str) -> str:
    return f"cart:{user}"


def parse_quantity(text: str, minimum: int) -> int | None:
    return int(text) if text.isdigit() and int(text) >= minimum else None


def add(r: redis.Redis, user: str, product: str, quantity: str = "1") -> int:
    amount = parse_quantity(quantity, 1)
    if amount is None:
        print(f"invalid quantity: {quantity}", file=sys.stderr)
        return 1
    if not r.exists(f"product:{product}"):
        print(f"unknown product: {product}", file=sys.stderr)
        return 1
    # HINCRBY adds atomically: adds from many tabs at once all count.
    print(f"{product} {r.hincrby(cart_key(user), product, amount)}")
    return 0


def remove(r: redis.Redis, user: str, product: str) -> int:
    if not r.hdel(cart_key(user), product):
        print(f"{product} is not in the cart", file=sys.stderr)
        return 1
    print(f"removed {product}")
    return 0


def set_quantity(r: redis.Redis, user: str, product: str, quantity: str) -> int:
    amount = parse_quantity(quantity, 0)
    if amount is None:
        print(f"invalid quantity: {quantity}", file=sys.stderr)
        return 1
    result = r.eval(SET_QUANTITY, 1, cart_key(user), product, amount)
    if result < 0:
        print(f"{product} is not in the cart", file=sys.stderr)
        return 1
    print(f"{product} {result}" if result > 0 else f"removed {product}")
    return 0


COMMANDS = {"add": add, "remove": remove, "set": set_quantity}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    return COMMANDS[argv[0]](connect(), *argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
