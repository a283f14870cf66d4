"""User activity log (variant 6): a reference solution up to stage 5."""
import os
import sys
import time

import redis

KEEP_ENTRIES = 100


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def log_key(user: str) -> str:
    return f"activity:{user}"


def counts_key(user: str) -> str:
    return f"activity-counts:{user}"


def log(r: redis.Redis, user: str, action: str) -> int:
    # The entry and its count go together; HINCRBY adds atomically however many log at once.
    pipe = r.pipeline(transaction=True)
    # MAXLEN ~ trims whole blocks of entries: cheaper than trimming to exactly 100.
    pipe.xadd(log_key(user), {"action": action}, maxlen=KEEP_ENTRIES, approximate=True)
    pipe.hincrby(counts_key(user), action, 1)
    entry_id, _ = pipe.execute()
    print(f"logged {entry_id}")
    return 0


def history(r: redis.Redis, user: str, start: str, end: str) -> int:
    # A bare millisecond time is an id bound: TO's whole second ends at TO*1000+999.
    entries = r.xrange(log_key(user), int(start) * 1000, int(end) * 1000 + 999)
    for entry_id, fields in entries:
        print(f"{int(entry_id.split('-')[0]) // 1000} {fields['action']}")
    print(f"{len(entries)} actions")
    return 0


def stats(r: redis.Redis, user: str) -> int:
    counts = {action: int(count) for action, count in r.hgetall(counts_key(user)).items()}
    for action, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"{action} {count}")
    return 0


def cleanup(r: redis.Redis, days: str) -> int:
    cutoff_ms = (int(time.time()) - int(days) * 24 * 3600) * 1000
    removed = 0
    # SCAN walks the keys a batch at a time; the type filter leaves other kinds of keys alone.
    for key in r.scan_iter(match="activity:*", count=500, _type="stream"):
        removed += r.xtrim(key, minid=cutoff_ms, approximate=False)
    print(f"removed {removed}")
    return 0

COMMANDS = {"log": log, "history": history, "stats": stats, "cleanup": cleanup}


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
