"""Booking (variant 9): a reference solution up to stage 1."""
import os
import sys

import redis


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def schedule_key(resource: str) -> str:
    return f"schedule:{resource}"


def open_slots(r: redis.Redis, resource: str, *slots: str) -> int:
    if not slots:
        print("open needs at least one slot", file=sys.stderr)
        return 2
    pipe = r.pipeline(transaction=False)
    pipe.sadd(schedule_key(resource), *slots)
    pipe.scard(schedule_key(resource))
    _, count = pipe.execute()
    print(f"{resource} has {count} slots")
    return 0


COMMANDS = {"open": open_slots}


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
