"""User activity log (variant 6): a reference solution up to stage 1."""
import os
import sys

import redis


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def log_key(user: str) -> str:
    return f"activity:{user}"


def log(r: redis.Redis, user: str, action: str) -> int:
    entry_id = r.xadd(log_key(user), {"action": action})
    print(f"logged {entry_id}")
    return 0

COMMANDS = {"log": log}


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
