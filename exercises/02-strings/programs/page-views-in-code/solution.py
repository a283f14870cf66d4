# A page-view counter: one key per page, counted with INCR, read with MGET.
# Счётчик просмотров: по ключу на страницу, счёт через INCR, чтение через MGET.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def record_view(page):
    # INCR adds 1 inside the server: two requests at once never lose a view.
    # INCR прибавляет 1 внутри сервера: одновременные запросы не теряют просмотры.
    return r.incr(f"page:views:{page}")


for page in ["home", "home", "about", "home"]:
    record_view(page)

# One round trip for both counters. / Один запрос на оба счётчика.
home, about = r.mget("page:views:home", "page:views:about")
print("home:", home)
print("about:", about)
