"""Chat rooms (variant 11): a reference solution up to stage 4."""
import os
import sys

import redis

ROOMS = "rooms"
HISTORY_LIMIT = 100


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def members_key(room: str) -> str:
    return f"room:{room}:members"


def history_key(room: str) -> str:
    return f"room:{room}:history"


def live_channel(room: str) -> str:
    return f"room:{room}:live"


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


def send(r: redis.Redis, room: str, user: str, text: str) -> int:
    if not r.sismember(members_key(room), user):
        print(f"{user} is not in {room}", file=sys.stderr)
        return 1
    message = f"{user}: {text}"
    # The append, the cap and the broadcast together, in one round trip.
    pipe = r.pipeline(transaction=True)
    pipe.rpush(history_key(room), message)
    pipe.ltrim(history_key(room), -HISTORY_LIMIT, -1)
    pipe.publish(live_channel(room), message)
    pipe.execute()
    print("sent")
    return 0


def history(r: redis.Redis, room: str, count: str) -> int:
    if int(count) < 1:
        raise ValueError("COUNT is at least 1")
    messages = r.lrange(history_key(room), -int(count), -1)
    for message in messages:
        print(message)
    if not messages:
        print("no messages")
    return 0


def listen(r: redis.Redis, room: str) -> int:
    pubsub = r.pubsub(ignore_subscribe_messages=True)
    pubsub.subscribe(live_channel(room))
    for message in pubsub.listen():
        print(message["data"], flush=True)
    return 0


COMMANDS = {"create": create, "delete": delete, "join": join, "leave": leave, "send": send, "history": history, "listen": listen}


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
