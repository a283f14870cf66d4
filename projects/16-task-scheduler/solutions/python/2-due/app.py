"""Task scheduler (variant 16): a reference solution up to stage 2."""
import os
import sys

import redis

SCHEDULED = "tasks:scheduled"


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def task_key(task_id: str) -> str:
    return f"task:{task_id}"


def schedule(r: redis.Redis, task_id: str, time: str, payload: str) -> int:
    # NX: an id already scheduled keeps its time; the reply says whether it was new.
    if not r.zadd(SCHEDULED, {task_id: int(time)}, nx=True):
        print(f"{task_id} exists", file=sys.stderr)
        return 1
    r.hset(task_key(task_id), "payload", payload)
    print(f"scheduled {task_id} at {time}")
    return 0


def due(r: redis.Redis, now: str) -> int:
    tasks = r.zrangebyscore(SCHEDULED, "-inf", int(now), withscores=True)
    for task_id, time in tasks:
        print(f"{task_id} {int(time)}")
    if not tasks:
        print("no due tasks")
    return 0


COMMANDS = {"schedule": schedule, "due": due}


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
