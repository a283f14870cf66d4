"""Server monitoring (variant 14): a reference solution up to stage 4."""
import os
import sys

import redis

SERVERS = "servers"
METRICS = ("cpu", "memory")
RETENTION_SECONDS = 3600
ALIVE_SECONDS = 30
THRESHOLDS = "thresholds"
ALERTS = "alerts"


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def series_key(server: str, metric: str) -> str:
    return f"metrics:{server}:{metric}"


def latest_key(server: str) -> str:
    return f"server:{server}:latest"


def alive_key(server: str) -> str:
    return f"alive:{server}"


def valid_report(ts: str, values: dict[str, str]) -> bool:
    if not ts.isdigit():
        return False
    try:
        return all(0 <= float(value) <= 100 for value in values.values())
    except ValueError:
        return False


def alerts_for(r: redis.Redis, server: str, ts: str, values: dict[str, str]) -> list[str]:
    limits = r.hmget(THRESHOLDS, list(METRICS))
    return [
        f"ALERT {server} {metric} {values[metric]} > {limit} at {ts}"
        for metric, limit in zip(METRICS, limits)
        if limit is not None and float(values[metric]) > float(limit)
    ]


def report(r: redis.Redis, server: str, ts: str, cpu: str, memory: str) -> int:
    values = {"cpu": cpu, "memory": memory}
    if not valid_report(ts, values):
        print("invalid report: TS is a whole number, CPU and MEMORY numbers from 0 to 100", file=sys.stderr)
        return 1
    alerts = alerts_for(r, server, ts, values)
    # Every write of a report in one transaction and one round trip.
    pipe = r.pipeline(transaction=True)
    pipe.sadd(SERVERS, server)
    for metric, value in values.items():
        pipe.zadd(series_key(server, metric), {f"{ts}:{value}": int(ts)})
        # The parenthesis makes the bound exclusive: a point exactly an hour old stays.
        pipe.zremrangebyscore(series_key(server, metric), "-inf", f"({int(ts) - RETENTION_SECONDS}")
    pipe.hset(latest_key(server), mapping={"ts": ts, **values})
    # The heartbeat: no report for 30 s and the key is gone, the server down.
    pipe.set(alive_key(server), 1, ex=ALIVE_SECONDS)
    for alert in alerts:
        pipe.publish(ALERTS, alert)
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


def status(r: redis.Redis) -> int:
    servers = sorted(r.smembers(SERVERS))
    # One round trip for every server's heartbeat and latest report.
    pipe = r.pipeline(transaction=False)
    for server in servers:
        pipe.exists(alive_key(server))
        pipe.hgetall(latest_key(server))
    replies = pipe.execute()
    for server, alive, latest in zip(servers, replies[::2], replies[1::2]):
        if alive:
            print(f"{server} up cpu {latest.get('cpu')} memory {latest.get('memory')}")
        else:
            print(f"{server} down last seen {latest.get('ts', 'never')}")
    return 0


def threshold(r: redis.Redis, metric: str, limit: str) -> int:
    if metric not in METRICS:
        print(f"unknown metric {metric}: cpu or memory", file=sys.stderr)
        return 1
    float(limit)
    r.hset(THRESHOLDS, metric, limit)
    print(f"threshold {metric} {limit}")
    return 0


def watch(r: redis.Redis) -> int:
    pubsub = r.pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe(ALERTS)
    for message in pubsub.listen():
        print(message["data"], flush=True)
    return 0


COMMANDS = {"report": report, "stats": stats, "status": status, "threshold": threshold, "watch": watch}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except (TypeError, ValueError):
        print(f"wrong arguments for {argv[0]}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
