"""Recommendations (variant 13): a reference solution up to stage 1."""
import os
import sys

import redis


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def like(r: redis.Redis, user: str, item: str) -> int:
    # Both sides of the like in one MULTI: a like is never half recorded.
    pipe = r.pipeline()
    pipe.sadd(f"likes:{user}", item)
    pipe.sadd(f"seen:{user}", item)
    pipe.sadd(f"liked-by:{item}", user)
    pipe.execute()
    print(f"{user} likes {item}")
    return 0


def view(r: redis.Redis, user: str, item: str) -> int:
    r.sadd(f"seen:{user}", item)
    print(f"{user} viewed {item}")
    return 0


def likes(r: redis.Redis, user: str) -> int:
    items = sorted(r.smembers(f"likes:{user}"))
    for item in items:
        print(item)
    if not items:
        print("no likes")
    return 0


COMMANDS = {"like": like, "view": view, "likes": likes}


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
