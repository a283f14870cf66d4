# A user profile store: one hash per user, written with HSET, read with HGETALL.
# Хранилище профилей: по хэшу на пользователя, запись через HSET, чтение через HGETALL.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def save_user(user_id, name, email, age):
    # TODO: write user:<user_id> with the fields name, email and age in one HSET (r.hset with mapping=).
    # TODO: запишите user:<user_id> с полями name, email и age одним HSET (r.hset с mapping=).
    pass


def get_user(user_id):
    # TODO: read user:<user_id> with HGETALL (r.hgetall); return None when the hash is empty.
    # TODO: прочитайте user:<user_id> через HGETALL (r.hgetall); верните None, если хэш пуст.
    return None


save_user(1, "Anna", "anna@mail.com", 28)
save_user(2, "Boris", "boris@mail.com", 35)

for user_id in [1, 2, 3]:
    user = get_user(user_id)
    print(f"User {user_id}:", user if user is not None else "not found")
