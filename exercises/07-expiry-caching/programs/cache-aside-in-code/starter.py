# Cache-aside in code: look in Redis first, go to the database only on a miss,
# keep the copy for 60 seconds, and count hits and misses.
# Cache-aside в коде: сначала смотрим в Redis, в базу идём только при промахе,
# храним копию 60 секунд и считаем попадания и промахи.
import json
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

USERS = {1: "Anna", 2: "Boris"}


def get_user_from_db(user_id):
    # The slow database (pretend): every call is a trip the cache should save.
    # Медленная база данных (понарошку): каждый вызов — поход, который должен сберечь кэш.
    print(f"Fetching user {user_id} from the database...")
    return {"id": user_id, "name": USERS[user_id]}


def get_user(user_id):
    # TODO cache-aside with the key user:<id>:
    #   1. GET the key. A hit: INCR stats:cache:hits and return json.loads(the value).
    #   2. A miss: INCR stats:cache:misses, read the database, SET the key to json.dumps(user)
    #      with a TTL of 60 seconds (ex=60), and return the user.
    # TODO cache-aside с ключом user:<id>:
    #   1. GET ключа. Попадание: INCR stats:cache:hits и вернуть json.loads(значение).
    #   2. Промах: INCR stats:cache:misses, прочитать базу, SET ключа в json.dumps(user)
    #      с TTL 60 секунд (ex=60) и вернуть пользователя.
    return get_user_from_db(user_id)


print(get_user(1))
print(get_user(1))  # a hit: no trip to the database / попадание: без похода в базу
print(get_user(2))
