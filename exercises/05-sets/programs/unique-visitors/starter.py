# Unique visitors per day: one set per day, SADD on every visit, SCARD to count.
# Уникальные посетители за день: по множеству на день, SADD при каждом визите, SCARD для подсчёта.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

VISITS = [
    ("mon", "anna"), ("mon", "boris"), ("mon", "anna"), ("mon", "vera"), ("mon", "boris"),
    ("tue", "boris"), ("tue", "gleb"), ("tue", "anna"), ("tue", "gleb"),
]


def record_visit(day, user):
    # TODO: add the user to visitors:<day> with SADD (r.sadd); a repeat visit adds nothing.
    # TODO: добавьте пользователя в visitors:<day> через SADD (r.sadd); повторный визит ничего не добавит.
    pass


for day, user in VISITS:
    record_visit(day, user)

# TODO: for mon and tue print "<day>: <SCARD> unique" (r.scard).
# TODO: для mon и tue напечатайте "<день>: <SCARD> unique" (r.scard).
print(f"mon: {len([v for v in VISITS if v[0] == 'mon'])} visits")

# TODO: print "vera on tue: yes" or "no" with SISMEMBER (r.sismember).
# TODO: напечатайте "vera on tue: yes" или "no" через SISMEMBER (r.sismember).

# TODO: store the union of both days in visitors:week with SUNIONSTORE (r.sunionstore) and print "week: <size> unique".
# TODO: сохраните объединение дней в visitors:week через SUNIONSTORE (r.sunionstore) и напечатайте "week: <размер> unique".
