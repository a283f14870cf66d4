"""Booking (variant 9): a reference solution up to stage 5."""
import os
import sys

import redis

# The hold check and the booking in one atomic step: nobody can hold or book between them.
BOOK = """
local holder = redis.call('GET', KEYS[2])
if holder and holder ~= ARGV[1] then return 0 end
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
redis.call('DEL', KEYS[2])
return 1
"""

# A booked slot cannot be held; SET NX EX holds and starts the 10 minutes together.
HOLD = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'EX', ARGV[2]) then return 1 end
return 0
"""

# Compare and delete: a booking is cancelled only by the user who made it.
CANCEL = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
"""

HOLD_SECONDS = 600


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def schedule_key(resource: str) -> str:
    return f"schedule:{resource}"


def booking_key(resource: str, slot: str) -> str:
    return f"booking:{resource}:{slot}"


def hold_key(resource: str, slot: str) -> str:
    return f"hold:{resource}:{slot}"


def open_slots(r: redis.Redis, resource: str, *slots: str) -> int:
    if not slots:
        print("open needs at least one slot", file=sys.stderr)
        return 2
    pipe = r.pipeline(transaction=False)
    pipe.sadd(schedule_key(resource), *slots)
    pipe.scard(schedule_key(resource))
    _, count = pipe.execute()
    print(f"{resource} has {count} slots")
    return 0


def book(r: redis.Redis, resource: str, slot: str, user: str) -> int:
    if not r.sismember(schedule_key(resource), slot):
        print(f"no such slot {slot}", file=sys.stderr)
        return 1
    if not r.eval(BOOK, 2, booking_key(resource, slot), hold_key(resource, slot), user):
        print(f"{slot} is taken", file=sys.stderr)
        return 1
    print(f"booked {slot} for {user}")
    return 0


def cancel(r: redis.Redis, resource: str, slot: str, user: str) -> int:
    if not r.eval(CANCEL, 1, booking_key(resource, slot), user):
        print(f"{slot} is not booked by {user}", file=sys.stderr)
        return 1
    print(f"cancelled {slot}")
    return 0


def free(r: redis.Redis, resource: str) -> int:
    slots = sorted(r.smembers(schedule_key(resource)))
    # One MGET for every booking and hold instead of two round trips per slot.
    taken = r.mget([booking_key(resource, slot) for slot in slots] + [hold_key(resource, slot) for slot in slots]) if slots else []
    free_slots = [slot for i, slot in enumerate(slots) if taken[i] is None and taken[len(slots) + i] is None]
    for slot in free_slots:
        print(slot)
    if not free_slots:
        print("no free slots")
    return 0


def hold(r: redis.Redis, resource: str, slot: str, user: str) -> int:
    if not r.sismember(schedule_key(resource), slot):
        print(f"no such slot {slot}", file=sys.stderr)
        return 1
    if not r.eval(HOLD, 2, booking_key(resource, slot), hold_key(resource, slot), user, HOLD_SECONDS):
        print(f"{slot} is taken", file=sys.stderr)
        return 1
    print(f"held {slot} for {user}")
    return 0


COMMANDS = {"open": open_slots, "book": book, "cancel": cancel, "free": free, "hold": hold}


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
