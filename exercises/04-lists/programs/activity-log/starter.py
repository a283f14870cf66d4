# A bounded activity log: the newest actions first, never more than KEEP of them.
# Лента последних действий: новые сверху, не больше KEEP штук.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

KEEP = 5


def log_activity(user_id, action):
    key = f"activity:{user_id}"
    r.lpush(key, action)
    # TODO: keep only the KEEP newest actions with LTRIM (r.ltrim(key, start, stop); stop is inclusive).
    # TODO: оставьте только KEEP новейших действий через LTRIM (r.ltrim(key, start, stop); stop включается).


for action in ["login", "view:home", "view:cart", "add:apple", "add:pear", "checkout", "logout"]:
    log_activity(42, action)

# TODO: read activity:42 with LRANGE (r.lrange(key, 0, -1)) and print "Recent: " with the actions joined by ", ".
# TODO: прочитайте activity:42 через LRANGE (r.lrange(key, 0, -1)) и напечатайте "Recent: " и действия через ", ".
print("Recent: ?")
