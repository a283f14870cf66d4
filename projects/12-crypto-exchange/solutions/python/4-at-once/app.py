"""Crypto exchange (variant 12): a reference solution up to stage 4."""
import os
import sys

import redis

# The funds check, the hold, the matching and the trades in one atomic step:
# no other client can read the same last ask or the same balance in between.
PLACE = """
local user, side = ARGV[1], ARGV[2]
local price, amount = tonumber(ARGV[3]), tonumber(ARGV[4])
local asset, held = 'BTC', amount
if side == 'buy' then asset, held = 'USD', price * amount end
if tonumber(redis.call('HGET', KEYS[1], asset) or '0') < held then return {-1} end
redis.call('HINCRBY', KEYS[1], asset, -held)
local id = redis.call('INCR', KEYS[2])
local book, other_book = KEYS[3], KEYS[4]
if side == 'buy' then book, other_book = KEYS[4], KEYS[3] end
local fills = {}
local left = amount
while left > 0 do
  local best
  if side == 'buy' then
    best = redis.call('ZRANGE', other_book, '-inf', price, 'BYSCORE', 'LIMIT', 0, 1, 'WITHSCORES')
  else
    best = redis.call('ZRANGE', other_book, '+inf', price, 'BYSCORE', 'REV', 'LIMIT', 0, 1, 'WITHSCORES')
  end
  if #best == 0 then break end
  local other_id, at = best[1], tonumber(best[2])
  local other_key = 'order:' .. other_id
  local other_user = redis.call('HGET', other_key, 'user')
  local other_left = tonumber(redis.call('HGET', other_key, 'amount'))
  local q = math.min(left, other_left)
  local buyer, seller = other_user, user
  if side == 'buy' then
    buyer, seller = user, other_user
    -- The buyer held his own price; he pays the resting price.
    redis.call('HINCRBY', KEYS[1], 'USD', (price - at) * q)
  end
  redis.call('HINCRBY', 'balance:' .. buyer, 'BTC', q)
  redis.call('HINCRBY', 'balance:' .. seller, 'USD', at * q)
  redis.call('LPUSH', KEYS[5], buyer .. ' bought ' .. q .. ' BTC from ' .. seller .. ' at ' .. at)
  if q == other_left then
    redis.call('DEL', other_key)
    redis.call('ZREM', other_book, other_id)
  else
    redis.call('HSET', other_key, 'amount', other_left - q)
  end
  left = left - q
  table.insert(fills, q)
  table.insert(fills, at)
end
if left > 0 then
  redis.call('HSET', 'order:' .. id, 'user', user, 'side', side, 'price', price, 'amount', left)
  redis.call('ZADD', book, price, id)
end
return {id, left, fills}
"""

# Only the owner cancels, and the refund and the removal happen together.
CANCEL = """
local order = KEYS[1]
if redis.call('HGET', order, 'user') ~= ARGV[1] then return 0 end
local side = redis.call('HGET', order, 'side')
local price = tonumber(redis.call('HGET', order, 'price'))
local amount = tonumber(redis.call('HGET', order, 'amount'))
if side == 'buy' then
  redis.call('HINCRBY', KEYS[2], 'USD', price * amount)
  redis.call('ZREM', KEYS[4], ARGV[2])
else
  redis.call('HINCRBY', KEYS[2], 'BTC', amount)
  redis.call('ZREM', KEYS[3], ARGV[2])
end
redis.call('DEL', order)
return 1
"""

ASSETS = ("BTC", "USD")


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def positive(text: str) -> int | None:
    return int(text) if text.isdigit() and int(text) > 0 else None


def deposit(r: redis.Redis, user: str, asset: str, amount: str) -> int:
    value = positive(amount)
    if value is None or asset not in ASSETS:
        print("invalid amount", file=sys.stderr)
        return 1
    print(f"{user} has {r.hincrby(f'balance:{user}', asset, value)} {asset}")
    return 0


def balance(r: redis.Redis, user: str) -> int:
    wallet = r.hgetall(f"balance:{user}")
    for asset in sorted(wallet):
        print(f"{asset} {wallet[asset]}")
    if not wallet:
        print("no funds")
    return 0


def place(r: redis.Redis, side: str, user: str, price: str, amount: str) -> int:
    price_value, amount_value = positive(price), positive(amount)
    if price_value is None or amount_value is None:
        print("invalid amount", file=sys.stderr)
        return 1
    reply = r.eval(PLACE, 5, f"balance:{user}", "orders:next", "book:asks", "book:bids", "trades", user, side, price_value, amount_value)
    if reply[0] == -1:
        print("insufficient funds", file=sys.stderr)
        return 1
    order_id, left, fills = reply
    for i in range(0, len(fills), 2):
        print(f"traded {fills[i]} BTC at {fills[i + 1]}")
    print(f"order {order_id} placed" if left else f"order {order_id} filled")
    return 0


def buy(r: redis.Redis, user: str, price: str, amount: str) -> int:
    return place(r, "buy", user, price, amount)


def sell(r: redis.Redis, user: str, price: str, amount: str) -> int:
    return place(r, "sell", user, price, amount)


def cancel(r: redis.Redis, user: str, order_id: str) -> int:
    if not r.eval(CANCEL, 4, f"order:{order_id}", f"balance:{user}", "book:asks", "book:bids", user, order_id):
        print(f"no order {order_id} for {user}", file=sys.stderr)
        return 1
    print(f"order {order_id} cancelled")
    return 0


def book(r: redis.Redis) -> int:
    pipe = r.pipeline(transaction=False)
    pipe.zrange("book:asks", 0, -1, withscores=True)
    pipe.zrevrange("book:bids", 0, -1, withscores=True)
    asks, bids = pipe.execute()
    # One round trip for every order's amount.
    pipe = r.pipeline(transaction=False)
    for order_id, _ in asks + bids:
        pipe.hget(f"order:{order_id}", "amount")
    amounts = pipe.execute()
    for i, (_, price) in enumerate(asks):
        print(f"ask {int(price)} {amounts[i]}")
    for i, (_, price) in enumerate(bids):
        print(f"bid {int(price)} {amounts[len(asks) + i]}")
    if not asks and not bids:
        print("empty book")
    return 0


def trades(r: redis.Redis) -> int:
    history = r.lrange("trades", 0, 9)
    for trade in history:
        print(trade)
    if not history:
        print("no trades")
    return 0


COMMANDS = {"deposit": deposit, "balance": balance, "buy": buy, "sell": sell, "cancel": cancel, "book": book, "trades": trades}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except TypeError:
        print(f"wrong arguments for {argv[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
