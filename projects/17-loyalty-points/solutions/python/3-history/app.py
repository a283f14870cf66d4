"""Loyalty program (variant 17): a reference solution up to stage 3."""
import os
import sys

import redis

# Check, take and record in one step: purchases at the same moment cannot both see the old balance.
SPEND = """
local balance = tonumber(redis.call('HGET', KEYS[1], 'balance') or '0')
if balance < tonumber(ARGV[1]) then return {0, balance} end
balance = redis.call('HINCRBY', KEYS[1], 'balance', -tonumber(ARGV[1]))
redis.call('XADD', KEYS[2], '*', 'type', 'spend', 'points', ARGV[1])
return {1, balance}
"""


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def points_key(customer: str) -> str:
    return f"points:{customer}"


def history_key(customer: str) -> str:
    return f"history:{customer}"


def earn(r: redis.Redis, customer: str, points: str) -> int:
    amount = int(points)
    # One transaction: nobody reads a balance without its earned, history.
    pipe = r.pipeline()
    pipe.hincrby(points_key(customer), "balance", amount)
    pipe.hincrby(points_key(customer), "earned", amount)
    pipe.xadd(history_key(customer), {"type": "earn", "points": amount})
    balance = pipe.execute()[0]
    print(f"{customer} has {balance} points")
    return 0


def balance(r: redis.Redis, customer: str) -> int:
    print(f"{customer} has {r.hget(points_key(customer), 'balance') or 0} points")
    return 0


def spend(r: redis.Redis, customer: str, points: str) -> int:
    done, left = r.eval(SPEND, 2, points_key(customer), history_key(customer), int(points))
    if not done:
        print(f"not enough points: {customer} has {left}", file=sys.stderr)
        return 1
    print(f"{customer} has {left} points")
    return 0


def history(r: redis.Redis, customer: str) -> int:
    entries = r.xrange(history_key(customer), "-", "+")
    for _, fields in entries:
        print(f"{fields['type']} {fields['points']}")
    if not entries:
        print("no history")
    return 0


COMMANDS = {"earn": earn, "balance": balance, "spend": spend, "history": history}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except (TypeError, ValueError):
        print(f"wrong arguments for {argv[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
