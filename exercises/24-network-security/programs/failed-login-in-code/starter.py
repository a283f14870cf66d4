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
    # TODO: r.ping() sends AUTH: wrap it in try; on (redis.AuthenticationError, redis.ResponseError)
    #       print "Login refused for shop-app: wrong password" and return None instead of r.
    # TODO: r.ping() отправляет AUTH: оберните его в try; при (redis.AuthenticationError, redis.ResponseError)
    #       напечатайте "Login refused for shop-app: wrong password" и верните None вместо r.
    return r


# TODO: first try login("spring-2026") (the old password); when it returns None, login("summer-2026");
#       when that is None too, sys.exit(2). Then SET deploy:last-login shop-app and print "Logged in as shop-app".
# TODO: сначала попробуйте login("spring-2026") (старый пароль); если вернётся None — login("summer-2026");
#       если и он None — sys.exit(2). Затем SET deploy:last-login shop-app и напечатайте "Logged in as shop-app".
print("Deploy script started")
