"""API request cache (variant 4): a reference solution up to stage 1."""
import os
import sys

import redis

DEFAULT_TTL = "300"


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


COMMANDS = {"put": put}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    return COMMANDS[argv[0]](connect(), *argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
