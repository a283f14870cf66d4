# A bounded activity log: the newest actions first, never more than KEEP of them.
# Лента последних действий: новые сверху, не больше KEEP штук.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

KEEP = 5


def log_activity(user_id, action):
    key = f"activity:{user_id}"
    r.lpush(key, action)
    # Trimming after every push drops at most one item: O(1) per event.
    # Обрезка после каждого добавления убирает не больше одного элемента: O(1) на событие.
    r.ltrim(key, 0, KEEP - 1)


for action in ["login", "view:home", "view:cart", "add:apple", "add:pear", "checkout", "logout"]:
    log_activity(42, action)

print("Recent:", ", ".join(r.lrange("activity:42", 0, -1)))
