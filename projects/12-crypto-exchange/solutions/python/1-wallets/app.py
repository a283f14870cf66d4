"""Crypto exchange (variant 12): a reference solution up to stage 1."""
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


COMMANDS = {"deposit": deposit, "balance": balance}


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
