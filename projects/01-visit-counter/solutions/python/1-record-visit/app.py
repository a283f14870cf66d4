"""Page visit counters (variant 1): a reference solution up to stage 1."""
import os
import sys

import redis

PREFIX = "page_views:"
RANKING = "page_views:ranking"


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def visit(r: redis.Redis, page: str) -> int:
    print(r.incr(PREFIX + page))
    return 0

COMMANDS = {"visit": visit}


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
