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
    # A set keeps each member once: a repeat visit adds nothing.
    # Множество хранит элемент один раз: повторный визит ничего не добавляет.
    r.sadd(f"visitors:{day}", user)


for day, user in VISITS:
    record_visit(day, user)

for day in ["mon", "tue"]:
    print(f"{day}: {r.scard(f'visitors:{day}')} unique")

print("vera on tue:", "yes" if r.sismember("visitors:tue", "vera") else "no")

week = r.sunionstore("visitors:week", "visitors:mon", "visitors:tue")
print(f"week: {week} unique")
