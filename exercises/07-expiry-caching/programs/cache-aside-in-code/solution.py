# Cache-aside in code: look in Redis first, go to the database only on a miss,
# keep the copy for 60 seconds, and count hits and misses.
# Cache-aside в коде: сначала смотрим в Redis, в базу идём только при промахе,
# храним копию 60 секунд и считаем попадания и промахи.
import json
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

USERS = {1: "Anna", 2: "Boris"}
TTL_SECONDS = 60


def get_user_from_db(user_id):
    # The slow database (pretend): every call is a trip the cache should save.
    # Медленная база данных (понарошку): каждый вызов — поход, который должен сберечь кэш.
    print(f"Fetching user {user_id} from the database...")
    return {"id": user_id, "name": USERS[user_id]}


def get_user(user_id):
    key = f"user:{user_id}"
    cached = r.get(key)
    if cached is not None:
        r.incr("stats:cache:hits")
        print("Cache HIT", key)
        return json.loads(cached)
    r.incr("stats:cache:misses")
    print("Cache MISS", key)
    user = get_user_from_db(user_id)
    # The TTL bounds how stale a copy can get. / TTL ограничивает, насколько копия может устареть.
    r.set(key, json.dumps(user), ex=TTL_SECONDS)
    return user


print(get_user(1))
print(get_user(1))  # a hit: no trip to the database / попадание: без похода в базу
print(get_user(2))
print("Hits:", r.get("stats:cache:hits"), "misses:", r.get("stats:cache:misses"))
