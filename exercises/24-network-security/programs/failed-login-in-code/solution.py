# A deploy script after a password rotation: the old password is refused, say so in one line,
# log in with the new one; exit with 2 only when no password works, so the pipeline stops the deploy.
# Скрипт развёртывания после смены пароля: старый пароль отвергнут — скажите это одной строкой,
# войдите с новым; код 2 — только если не подошёл ни один пароль: тогда конвейер остановит развёртывание.
import os
import sys

import redis

HOST = os.environ.get("REDIS_HOST", "localhost")
PORT = int(os.environ.get("REDIS_PORT", "6379"))
DB = int(os.environ.get("REDIS_DB", "0"))


def login(password):
    r = redis.Redis(host=HOST, port=PORT, db=DB, username="shop-app", password=password, decode_responses=True)
    try:
        r.ping()  # AUTH happens on the first command / AUTH происходит на первой команде
        return r
    # Newer redis-py raises AuthenticationError, 4.x ResponseError (WRONGPASS).
    # Новый redis-py выбрасывает AuthenticationError, 4.x — ResponseError (WRONGPASS).
    except (redis.AuthenticationError, redis.ResponseError):
        print("Login refused for shop-app: wrong password")
    except redis.ConnectionError:
        print(f"Cannot reach Redis at {HOST}:{PORT}")
    r.close()
    return None


r = login("spring-2026")
if r is None:
    r = login("summer-2026")
if r is None:
    sys.exit(2)  # no password works: stop the deploy / ни один пароль не подошёл: остановить развёртывание
r.set("deploy:last-login", "shop-app")
print("Logged in as shop-app")
r.close()
