"""Task scheduler (variant 16): a reference solution up to stage 3."""
import os
import sys

import redis

SCHEDULED = "tasks:scheduled"

# Read and remove the earliest due task in one step: two workers can never take the same one.
TAKE_DUE = """
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1)
if #ids == 0 then return false end
redis.call('ZREM', KEYS[1], ids[1])
return ids[1]
"""


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def task_key(task_id: str) -> str:
    return f"task:{task_id}"


def result_key(task_id: str) -> str:
    return f"result:{task_id}"


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


def run_task(payload: str) -> str:
    return f"done {payload}"


def work(r: redis.Redis, now: str) -> int:
    task_id = r.eval(TAKE_DUE, 1, SCHEDULED, int(now))
    if task_id is None:
        print("idle")
        return 0
    payload = r.hget(task_key(task_id), "payload") or ""
    result = run_task(payload)
    r.set(result_key(task_id), result)
    print(f"ran {task_id}")
    return 0


COMMANDS = {"schedule": schedule, "due": due, "work": work}


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
