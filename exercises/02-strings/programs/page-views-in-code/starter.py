# A page-view counter: one key per page, counted with INCR, read with MGET.
# Счётчик просмотров: по ключу на страницу, счёт через INCR, чтение через MGET.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def record_view(page):
    # TODO: add 1 to the counter page:views:<page> with INCR (r.incr).
    # TODO: увеличьте счётчик page:views:<page> на 1 через INCR (r.incr).
    pass


for page in ["home", "home", "about", "home"]:
    record_view(page)

# TODO: read page:views:home and page:views:about with one MGET (r.mget) and print "home: ..." and "about: ...".
# TODO: прочитайте page:views:home и page:views:about одним MGET (r.mget) и напечатайте "home: ..." и "about: ...".
print("home: ?")
print("about: ?")
