# A courier tracker: apply the latest positions, then give order 77 to the nearest courier.
# Трекер курьеров: применить последние позиции, затем отдать заказ 77 ближайшему курьеру.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# TODO: take every ping off courier:pings (r.lpop until None); each is "<courier> <lon> <lat>":
#       move the courier with r.geoadd("couriers", [float(lon), float(lat), name]).
# TODO: заберите все позиции из courier:pings (r.lpop, пока не None); каждая — "<курьер> <lon> <lat>":
#       переместите курьера через r.geoadd("couriers", [float(lon), float(lat), name]).

# TODO: nearest = r.geosearch("couriers", longitude=37.6176, latitude=55.7558, radius=5, unit="km",
#       sort="ASC", count=1, withdist=True) gives [[courier, km]]: print "Nearest courier: <courier> (<km> km)"
#       and SET order:77:courier to the courier.
# TODO: nearest = r.geosearch("couriers", longitude=37.6176, latitude=55.7558, radius=5, unit="km",
#       sort="ASC", count=1, withdist=True) даёт [[courier, km]]: напечатайте "Nearest courier: <курьер> (<km> km)"
#       и запишите курьера в order:77:courier (SET).
print("Order 77 is ready")
