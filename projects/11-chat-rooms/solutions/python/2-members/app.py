"""Chat rooms (variant 11): a reference solution up to stage 2."""
import os
import sys

import redis

ROOMS = "rooms"


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def members_key(room: str) -> str:
    return f"room:{room}:members"


def history_key(room: str) -> str:
    return f"room:{room}:history"


def no_room(room: str) -> int:
    print(f"no room {room}", file=sys.stderr)
    return 1


def create(r: redis.Redis, room: str) -> int:
    # SADD answers 0 when the room exists: the check and the write are one command.
    if not r.sadd(ROOMS, room):
        print(f"{room} exists", file=sys.stderr)
        return 1
    print(f"created {room}")
    return 0


def delete(r: redis.Redis, room: str) -> int:
    # One transaction: nobody sees the room without its members or its history.
    pipe = r.pipeline(transaction=True)
    pipe.srem(ROOMS, room)
    pipe.delete(members_key(room), history_key(room))
    removed, _ = pipe.execute()
    if not removed:
        return no_room(room)
    print(f"deleted {room}")
    return 0


def join(r: redis.Redis, room: str, user: str) -> int:
    if not r.sismember(ROOMS, room):
        return no_room(room)
    r.sadd(members_key(room), user)
    print(f"{user} joined {room}")
    return 0


def leave(r: redis.Redis, room: str, user: str) -> int:
    if not r.sismember(ROOMS, room):
        return no_room(room)
    r.srem(members_key(room), user)
    print(f"{user} left {room}")
    return 0


COMMANDS = {"create": create, "delete": delete, "join": join, "leave": leave}


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
