# Reserve stock with a registered Lua script: check and take in one step on the server.
# Резерв товара зарегистрированным Lua-скриптом: проверка и списание одним шагом на сервере.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# KEYS[1] stock, KEYS[2] reservations; ARGV[1] quantity, ARGV[2] order id.
# KEYS[1] остаток, KEYS[2] резервы; ARGV[1] количество, ARGV[2] номер заказа.
RESERVE_LUA = """
local stock = tonumber(redis.call('GET', KEYS[1]) or '0')
-- TODO: return -1 when stock is less than tonumber(ARGV[1]); otherwise DECRBY KEYS[1] by it,
--       RPUSH ARGV[2] to KEYS[2] and return what is left.
-- TODO: верните -1, если stock меньше tonumber(ARGV[1]); иначе уменьшите KEYS[1] на него (DECRBY),
--       добавьте ARGV[2] в KEYS[2] (RPUSH) и верните остаток.
return stock
"""

# TODO: reserve = r.register_script(RESERVE_LUA)
# TODO: reserve = r.register_script(RESERVE_LUA)

for order, quantity in [("order:1", 2), ("order:2", 5), ("order:3", 4)]:
    # TODO: left = reserve(keys=["stock:sku-42", "reservations:sku-42"], args=[quantity, order]);
    #       print "<order> refused" for -1, else "<order> reserved, <left> left".
    # TODO: left = reserve(keys=["stock:sku-42", "reservations:sku-42"], args=[quantity, order]);
    #       напечатайте "<order> refused" для -1, иначе "<order> reserved, <left> left".
    print(f"{order}: {quantity} wanted")
