"""Voting (variant 7): a reference solution up to stage 3."""
import os
import sys

import redis


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def votes_key(poll: str) -> str:
    return f"poll:{poll}:votes"


def create(r: redis.Redis, poll: str, *options: str) -> int:
    if not options:
        print("create needs at least one option", file=sys.stderr)
        return 2
    # The check and the write in one transaction: WATCH makes a create that lost a race fail.
    with r.pipeline() as pipe:
        try:
            pipe.watch(votes_key(poll))
            if pipe.exists(votes_key(poll)):
                print(f"poll {poll} exists already", file=sys.stderr)
                return 1
            pipe.multi()
            pipe.hset(votes_key(poll), mapping={option: 0 for option in options})
            pipe.execute()
        except redis.WatchError:
            print(f"poll {poll} exists already", file=sys.stderr)
            return 1
    print(f"created {poll}")
    return 0


def vote(r: redis.Redis, poll: str, user: str, option: str) -> int:
    if not r.hexists(votes_key(poll), option):
        print(f"unknown option {option} in poll {poll}", file=sys.stderr)
        return 1
    r.hincrby(votes_key(poll), option, 1)
    print("ok")
    return 0


def results(r: redis.Redis, poll: str) -> int:
    votes = {option: int(count) for option, count in r.hgetall(votes_key(poll)).items()}
    for option, count in sorted(votes.items(), key=lambda item: (-item[1], item[0])):
        print(f"{option} {count}")
    print(f"total {sum(votes.values())}")
    return 0


COMMANDS = {"create": create, "vote": vote, "results": results}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except redis.ConnectionError as error:
        print(f"cannot reach Redis: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
