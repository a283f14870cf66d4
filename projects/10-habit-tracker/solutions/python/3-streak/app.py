"""Habit tracker (variant 10): a reference solution up to stage 3."""
import os
import sys
from datetime import date, timedelta

import redis

# How many days one pipeline reads while walking back a streak.
STREAK_CHUNK = 31


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def habit_key(user: str, habit: str) -> str:
    return f"habit:{user}:{habit}"


def bitmap_key(user: str, habit: str, year: int) -> str:
    return f"habit:{user}:{habit}:{year}"


def day_bit(day: date) -> int:
    # January 1 is bit 0.
    return day.timetuple().tm_yday - 1


def getbit_day(pipe, user: str, habit: str, day: date) -> None:
    pipe.getbit(bitmap_key(user, habit, day.year), day_bit(day))


def create(r: redis.Redis, user: str, habit: str, target: str) -> int:
    if not target.isdigit() or not 1 <= int(target) <= 7:
        print("target must be 1-7 days a week", file=sys.stderr)
        return 1
    # HSETNX answers 0 when the habit exists: the check and the write are one command.
    if not r.hsetnx(habit_key(user, habit), "target", target):
        print(f"{habit} exists", file=sys.stderr)
        return 1
    r.sadd(f"habits:{user}", habit)
    print(f"created {habit}, {target} days a week")
    return 0


def done(r: redis.Redis, user: str, habit: str, when: str) -> int:
    day = date.fromisoformat(when)
    if not r.exists(habit_key(user, habit)):
        print(f"no habit {habit}", file=sys.stderr)
        return 1
    if r.setbit(bitmap_key(user, habit, day.year), day_bit(day), 1):
        print(f"{habit} was already done on {when}")
    else:
        print(f"done {habit} on {when}")
    return 0


def streak(r: redis.Redis, user: str, habit: str, when: str) -> int:
    day = date.fromisoformat(when)
    if not r.getbit(bitmap_key(user, habit, day.year), day_bit(day)):
        day -= timedelta(days=1)  # today is not over: the streak may end yesterday
    count = 0
    while True:
        days = [day - timedelta(days=i) for i in range(STREAK_CHUNK)]
        pipe = r.pipeline(transaction=False)
        for one in days:
            getbit_day(pipe, user, habit, one)
        for bit in pipe.execute():
            if not bit:
                print(f"streak {count}")
                return 0
            count += 1
        day -= timedelta(days=STREAK_CHUNK)


COMMANDS = {"create": create, "done": done, "streak": streak}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except (TypeError, ValueError):
        print(f"wrong arguments for {argv[0]}: dates are YYYY-MM-DD", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
