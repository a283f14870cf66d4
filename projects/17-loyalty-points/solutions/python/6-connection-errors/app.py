"""Loyalty program (variant 17): a reference solution up to stage 6."""
import os
import sys

import redis

LEADERBOARD = "leaderboard"
TIERS = [(5000, "gold"), (1000, "silver"), (0, "bronze")]
BONUS_SECONDS = 30 * 24 * 3600
# Check, take (bonus first) and record in one step: purchases at the same moment cannot both see the old balance.
# DECRBY keeps the bonus's TTL.
SPEND = """
local cost = tonumber(ARGV[1])
local balance = tonumber(redis.call('HGET', KEYS[1], 'balance') or '0')
local bonus = tonumber(redis.call('GET', KEYS[2]) or '0')
if balance + bonus < cost then return {0, balance} end
local from_bonus = math.min(bonus, cost)
if from_bonus > 0 then redis.call('DECRBY', KEYS[2], from_bonus) end
if cost > from_bonus then balance = redis.call('HINCRBY', KEYS[1], 'balance', from_bonus - cost) end
redis.call('XADD', KEYS[3], '*', 'type', 'spend', 'points', ARGV[1])
return {1, balance}
"""


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def points_key(customer: str) -> str:
    return f"points:{customer}"


def history_key(customer: str) -> str:
    return f"history:{customer}"


def bonus_key(customer: str) -> str:
    return f"bonus:{customer}"


def earn(r: redis.Redis, customer: str, points: str) -> int:
    amount = int(points)
    # One transaction: nobody reads a balance without its earned, history or leaderboard score.
    pipe = r.pipeline()
    pipe.hincrby(points_key(customer), "balance", amount)
    pipe.hincrby(points_key(customer), "earned", amount)
    pipe.xadd(history_key(customer), {"type": "earn", "points": amount})
    pipe.zincrby(LEADERBOARD, amount, customer)
    balance = pipe.execute()[0]
    print(f"{customer} has {balance} points")
    return 0


def balance(r: redis.Redis, customer: str) -> int:
    pipe = r.pipeline(transaction=False)
    pipe.hget(points_key(customer), "balance")
    pipe.get(bonus_key(customer))
    points, bonus = pipe.execute()
    line = f"{customer} has {points or 0} points"
    if bonus and int(bonus) > 0:
        line += f" and {bonus} bonus points"
    print(line)
    return 0


def spend(r: redis.Redis, customer: str, points: str) -> int:
    done, left = r.eval(SPEND, 3, points_key(customer), bonus_key(customer), history_key(customer), int(points))
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


def tier(r: redis.Redis, customer: str) -> int:
    earned = int(r.hget(points_key(customer), "earned") or 0)
    name = next(name for floor, name in TIERS if earned >= floor)
    print(f"{customer} is {name} ({earned} earned)")
    return 0


def top(r: redis.Redis, count: str) -> int:
    first = r.zrange(LEADERBOARD, 0, int(count) - 1, desc=True, withscores=True)
    if not first:
        return 0
    # Everyone tied with the last of the top N, so equal scores can be ordered by name.
    lowest = first[-1][1]
    tied = r.zrangebyscore(LEADERBOARD, lowest, "+inf", withscores=True)
    ranked = sorted(tied, key=lambda item: (-item[1], item[0]))[: int(count)]
    for rank, (customer, earned) in enumerate(ranked, start=1):
        print(f"{rank}. {customer} {int(earned)}")
    return 0


def bonus(r: redis.Redis, customer: str, points: str) -> int:
    # A new bonus replaces the old one and starts its 30 days again.
    r.set(bonus_key(customer), int(points), ex=BONUS_SECONDS)
    print(f"{customer} got {points} bonus points")
    return 0


COMMANDS = {"earn": earn, "balance": balance, "spend": spend, "history": history, "tier": tier, "top": top, "bonus": bonus}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except (TypeError, ValueError):
        print(f"wrong arguments for {argv[0]}", file=sys.stderr)
        return 2
    except redis.ConnectionError as error:
        print(f"cannot reach Redis: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
