"""Habit tracker (variant 10): a reference solution up to stage 1."""
import os
import sys

import redis


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def habit_key(user: str, habit: str) -> str:
    return f"habit:{user}:{habit}"


def create(r: redis.Redis, user: str, habit: str, target: str) -> int:
    if not target.isdigit() or not 1 <= int(target) <= 7:
        print("target must be 1-7 days a week", file=sys.stderr)
        return 1
    # HSETNX answers 0 when the habit exists: the check and the write are one command.
    if not r.hsetnx(habit_key(user, habit), "target", target):
        print(f"{habit} exists", file=sys.stderr)
        return 1
    r.sadd(f"habits:{user}", habit)
    print(f"created {habit}, {target} days a week")
    return 0


COMMANDS = {"create": create}


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
