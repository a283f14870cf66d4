"""API request cache (variant 4): a reference solution up to stage 3."""
import os
import sys

import redis

DEFAULT_TTL = "300"

STATS = "cache:stats"


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def cache_key(endpoint: str) -> str:
    return f"cache:{endpoint}"


def put(r: redis.Redis, endpoint: str, body: str, ttl: str = DEFAULT_TTL) -> int:
    if not ttl.isdigit() or int(ttl) == 0:
        print(f"invalid ttl: {ttl}", file=sys.stderr)
        return 1
    # The body and its TTL in one command: no moment where the entry never expires.
    r.set(cache_key(endpoint), body, ex=int(ttl))
    print(f"cached {endpoint} for {ttl}s")
    return 0


def get(r: redis.Redis, endpoint: str) -> int:
    # One GET: nil is a miss, expired or not, with no gap between a check and the read.
    body = r.get(cache_key(endpoint))
    r.hincrby(STATS, "misses" if body is None else "hits", 1)
    print("MISS" if body is None else f"HIT {body}")
    return 0


def stats(r: redis.Redis) -> int:
    hits, misses = (int(n or 0) for n in r.hmget(STATS, "hits", "misses"))
    lookups = hits + misses
    print(f"hits {hits}\nmisses {misses}\nhit rate {100 * hits / lookups if lookups else 0:.1f}%")
    return 0


COMMANDS = {"put": put, "get": get, "stats": stats}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    return COMMANDS[argv[0]](connect(), *argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
