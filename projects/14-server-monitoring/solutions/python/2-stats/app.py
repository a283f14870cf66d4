"""Server monitoring (variant 14): a reference solution up to stage 2."""
import os
import sys

import redis

SERVERS = "servers"
METRICS = ("cpu", "memory")
RETENTION_SECONDS = 3600


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def series_key(server: str, metric: str) -> str:
    return f"metrics:{server}:{metric}"


def valid_report(ts: str, values: dict[str, str]) -> bool:
    if not ts.isdigit():
        return False
    try:
        return all(0 <= float(value) <= 100 for value in values.values())
    except ValueError:
        return False


def report(r: redis.Redis, server: str, ts: str, cpu: str, memory: str) -> int:
    values = {"cpu": cpu, "memory": memory}
    if not valid_report(ts, values):
        print("invalid report: TS is a whole number, CPU and MEMORY numbers from 0 to 100", file=sys.stderr)
        return 1
    # Every write of a report in one transaction and one round trip.
    pipe = r.pipeline(transaction=True)
    pipe.sadd(SERVERS, server)
    for metric, value in values.items():
        pipe.zadd(series_key(server, metric), {f"{ts}:{value}": int(ts)})
        # The parenthesis makes the bound exclusive: a point exactly an hour old stays.
        pipe.zremrangebyscore(series_key(server, metric), "-inf", f"({int(ts) - RETENTION_SECONDS}")
    pipe.execute()
    print(f"recorded {server} {ts}")
    return 0


def stats(r: redis.Redis, server: str, metric: str, start: str, end: str) -> int:
    points = r.zrangebyscore(series_key(server, metric), int(start), int(end))
    if not points:
        print("no data")
        return 0
    values = [float(point.split(":", 1)[1]) for point in points]
    print(f"points {len(values)}")
    print(f"avg {sum(values) / len(values):.1f}")
    print(f"max {max(values):.1f}")
    return 0


COMMANDS = {"report": report, "stats": stats}


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
