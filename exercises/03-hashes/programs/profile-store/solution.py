# A user profile store: one hash per user, written with HSET, read with HGETALL.
# Хранилище профилей: по хэшу на пользователя, запись через HSET, чтение через HGETALL.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def save_user(user_id, name, email, age):
    # One HSET for all the fields: one round trip. / Один HSET на все поля: один запрос.
    r.hset(f"user:{user_id}", mapping={"name": name, "email": email, "age": age})


def get_user(user_id):
    user = r.hgetall(f"user:{user_id}")
    # A missing hash reads as {}, not None. / Отсутствующий хэш читается как {}, а не None.
    return user or None


save_user(1, "Anna", "anna@mail.com", 28)
save_user(2, "Boris", "boris@mail.com", 35)

for user_id in [1, 2, 3]:
    user = get_user(user_id)
    print(f"User {user_id}:", user if user is not None else "not found")
