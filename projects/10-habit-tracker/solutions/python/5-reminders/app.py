"""Habit tracker (variant 10): a reference solution up to stage 5."""
import calendar
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


def period_days(period: str) -> tuple[date, date]:
    if len(period) == 4:
        year = int(period)
        return date(year, 1, 1), date(year, 12, 31)
    year, month = (int(part) for part in period.split("-"))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def stats(r: redis.Redis, user: str, habit: str, period: str) -> int:
    first, last = period_days(period)
    # BIT: the range is in bits, both ends included (the default is bytes).
    done_days = r.bitcount(bitmap_key(user, habit, first.year), day_bit(first), day_bit(last), mode="BIT")
    days = (last - first).days + 1
    print(f"{done_days}/{days} days ({done_days * 100 // days}%)")
    return 0


def remind(r: redis.Redis, user: str, when: str) -> int:
    day = date.fromisoformat(when)
    week = [day - timedelta(days=i) for i in range(day.weekday(), -1, -1)]  # Monday through day
    habits = sorted(r.smembers(f"habits:{user}"))
    # One round trip for every habit's target and its week's bits.
    pipe = r.pipeline(transaction=False)
    for habit in habits:
        pipe.hget(habit_key(user, habit), "target")
        for one in week:
            getbit_day(pipe, user, habit, one)
    replies = pipe.execute()
    left = 0
    for i, habit in enumerate(habits):
        target, *bits = replies[i * (len(week) + 1):(i + 1) * (len(week) + 1)]
        if not bits[-1]:
            left += 1
            print(f"{habit}: {sum(bits)}/{target} this week")
    if left == 0:
        print("all done")
    return 0


COMMANDS = {"create": create, "done": done, "streak": streak, "stats": stats, "remind": remind}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except (TypeError, ValueError):
        print(f"wrong arguments for {argv[0]}: dates are YYYY-MM-DD, periods YYYY-MM or YYYY", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
