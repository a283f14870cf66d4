# The shop's order writer, logged in as its own ACL user from the environment.
# Запись заказов магазина под собственным пользователем ACL из окружения.
import os

import redis

# TODO: user and password from SHOP_REDIS_USER and SHOP_REDIS_PASSWORD (os.environ.get),
#       falling back to shop-app / shop-app-secret-9.
# TODO: пользователь и пароль из SHOP_REDIS_USER и SHOP_REDIS_PASSWORD (os.environ.get),
#       по умолчанию shop-app / shop-app-secret-9.

# TODO: connect as that user: redis.Redis(host=os.environ["REDIS_HOST"], port=int(os.environ["REDIS_PORT"]),
#       db=int(os.environ["REDIS_DB"]), username=..., password=..., decode_responses=True)
# TODO: подключитесь под этим пользователем: redis.Redis(host=os.environ["REDIS_HOST"],
#       port=int(os.environ["REDIS_PORT"]), db=int(os.environ["REDIS_DB"]), username=..., password=..., decode_responses=True)
r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# TODO: print "Connected as <user>" with the answer of r.acl_whoami().
# TODO: напечатайте "Connected as <пользователь>" с ответом r.acl_whoami().

# TODO: save orders:1001 as a hash: customer anna, total 1990 and saved_by the user WHOAMI answered
#       (r.hset(..., mapping={...})).
# TODO: сохраните orders:1001 как хэш: customer anna, total 1990 и saved_by с пользователем из ответа WHOAMI
#       (r.hset(..., mapping={...})).
print("Order writer started")
