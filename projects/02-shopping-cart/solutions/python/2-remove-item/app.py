"""Shopping cart (variant 2): a reference solution up to stage 2."""
import os
import sys

import redis


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


COMMANDS = {"add": add, "remove": remove}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    return COMMANDS[argv[0]](connect(), *argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
