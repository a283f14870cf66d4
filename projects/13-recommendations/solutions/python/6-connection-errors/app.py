"""Recommendations (variant 13): a reference solution up to stage 6."""
import os
import sys
import uuid

import redis

CACHE_SECONDS = 300


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def top(entries: list[tuple[str, float]], n: int) -> list[tuple[str, int]]:
    # ZREVRANGE orders equal scores by reverse name; the spec wants them by name.
    return [(member, int(score)) for member, score in sorted(entries, key=lambda entry: (-entry[1], entry[0]))[:n]]


def count_union(r: redis.Redis, sources: dict[str, float] | list[str], leave_out: str | None = None, seen: str | None = None) -> list[tuple[str, float]]:
    """ZUNIONSTORE into a key of our own, read it and delete it in one MULTI: nothing is left behind."""
    scratch = f"scratch:{uuid.uuid4().hex}"
    pipe = r.pipeline()
    pipe.zunionstore(scratch, sources)
    if leave_out is not None:
        pipe.zrem(scratch, leave_out)
    if seen is not None:
        pipe.zdiffstore(scratch, [scratch, seen])
    pipe.zrange(scratch, 0, -1, withscores=True)
    pipe.delete(scratch)
    return pipe.execute()[-2]


def like(r: redis.Redis, user: str, item: str) -> int:
    # Both sides of the like in one MULTI: a like is never half recorded.
    pipe = r.pipeline()
    pipe.sadd(f"likes:{user}", item)
    pipe.sadd(f"seen:{user}", item)
    pipe.sadd(f"liked-by:{item}", user)
    pipe.delete(f"recs:{user}")
    pipe.execute()
    print(f"{user} likes {item}")
    return 0


def view(r: redis.Redis, user: str, item: str) -> int:
    pipe = r.pipeline()
    pipe.sadd(f"seen:{user}", item)
    pipe.delete(f"recs:{user}")
    pipe.execute()
    print(f"{user} viewed {item}")
    return 0


def likes(r: redis.Redis, user: str) -> int:
    items = sorted(r.smembers(f"likes:{user}"))
    for item in items:
        print(item)
    if not items:
        print("no likes")
    return 0


def also_liked(r: redis.Redis, item: str) -> int:
    users = r.smembers(f"liked-by:{item}")
    counts = count_union(r, [f"likes:{user}" for user in users], leave_out=item) if users else []
    for other, count in top(counts, 3):
        print(f"{other} {count}")
    if not counts:
        print("nothing yet")
    return 0


def shared_likes(r: redis.Redis, user: str) -> list[tuple[str, float]]:
    items = r.smembers(f"likes:{user}")
    return count_union(r, [f"liked-by:{item}" for item in items], leave_out=user) if items else []


def similar(r: redis.Redis, user: str) -> int:
    counts = shared_likes(r, user)
    for other, count in top(counts, 3):
        print(f"{other} {count}")
    if not counts:
        print("no similar users")
    return 0


def recommend(r: redis.Redis, user: str) -> int:
    cache = f"recs:{user}"
    cached = r.lrange(cache, 0, -1)
    if cached:
        print("\n".join(cached))
        return 0
    weights = dict(shared_likes(r, user))
    scores = count_union(r, {f"likes:{other}": weight for other, weight in weights.items()}, seen=f"seen:{user}") if weights else []
    lines = [f"{item} {score}" for item, score in top(scores, 5)]
    if lines:
        pipe = r.pipeline()
        pipe.delete(cache)
        pipe.rpush(cache, *lines)
        pipe.expire(cache, CACHE_SECONDS)
        pipe.execute()
    print("\n".join(lines) if lines else "no recommendations")
    return 0


COMMANDS = {"like": like, "view": view, "likes": likes, "also-liked": also_liked, "similar": similar, "recommend": recommend}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except TypeError:
        print(f"wrong arguments for {argv[0]}", file=sys.stderr)
        return 2
    except redis.ConnectionError:
        print("cannot reach Redis: is it running, and is REDIS_URL right?", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
