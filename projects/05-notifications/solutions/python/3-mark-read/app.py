"""Notifications (variant 5): a reference solution up to stage 3."""
import os
import sys
import time

import redis

NEXT_ID = "notifications:next-id"


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def notification_key(notification_id: str) -> str:
    return f"notification:{notification_id}"


def user_key(user: str) -> str:
    return f"notifications:{user}"


def unread_key(user: str) -> str:
    return f"notifications:{user}:unread"


def send(r: redis.Redis, user: str, text: str) -> int:
    # INCR hands out each id once, however many senders ask at the same moment.
    notification_id = r.incr(NEXT_ID)
    sent = int(time.time())
    pipe = r.pipeline(transaction=True)
    pipe.hset(notification_key(notification_id), mapping={"user": user, "text": text, "sent": sent})
    pipe.zadd(user_key(user), {notification_id: sent})
    pipe.sadd(unread_key(user), notification_id)
    pipe.execute()
    print(f"sent {notification_id}")
    return 0


def unread(r: redis.Redis, user: str) -> int:
    ids = sorted(r.smembers(unread_key(user)), key=int)
    pipe = r.pipeline(transaction=False)
    for notification_id in ids:
        pipe.hget(notification_key(notification_id), "text")
    shown = 0
    for notification_id, text in zip(ids, pipe.execute()):
        # A notification past its 30 days is gone while its id may linger: skip it.
        if text is not None:
            print(f"{notification_id} {text}")
            shown += 1
    print(f"{shown} unread")
    return 0


def read(r: redis.Redis, user: str, notification_id: str) -> int:
    if notification_id == "all":
        # DEL answers whether there was anything: count first, in the same transaction.
        pipe = r.pipeline(transaction=True)
        pipe.scard(unread_key(user))
        pipe.delete(unread_key(user))
        count, _ = pipe.execute()
        print(f"read {count} notifications")
        return 0
    # SREM's reply decides: no separate "is it unread?" that another client could change in between.
    if not r.srem(unread_key(user), notification_id):
        print(f"notification {notification_id} is not unread for {user}", file=sys.stderr)
        return 1
    print(f"read {notification_id}")
    return 0

COMMANDS = {"send": send, "unread": unread, "read": read}


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
