"""Product ratings (variant 3): a reference solution up to stage 3."""
import os
import sys

import redis

TOP = "ratings:top"

# The sums, the count and the top's average change in one atomic step:
# ratings that arrive at once cannot leave a stale average.
RATE = """
local sum = redis.call('HINCRBY', KEYS[1], 'sum', ARGV[1])
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
redis.call('ZADD', KEYS[2], sum / count, ARGV[2])
return count
"""


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def rating_key(product: str) -> str:
    return f"rating:{product}"


def rate(r: redis.Redis, product: str, stars: str) -> int:
    if stars not in ("1", "2", "3", "4", "5"):
        print(f"stars must be 1 to 5, not {stars}", file=sys.stderr)
        return 1
    r.eval(RATE, 2, rating_key(product), TOP, stars, product)
    print(f"rated {product}")
    return 0


def average(r: redis.Redis, product: str) -> int:
    total, count = r.hmget(rating_key(product), "sum", "count")
    print(f"{int(total) / int(count):.2f}" if count else "no ratings")
    return 0


def top(r: redis.Redis) -> int:
    for product, score in r.zrange(TOP, 0, 9, desc=True, withscores=True):
        print(f"{product} {score:.2f}")
    return 0


COMMANDS = {"rate": rate, "average": average, "top": top}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    return COMMANDS[argv[0]](connect(), *argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
