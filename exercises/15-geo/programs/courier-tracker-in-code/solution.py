# A courier tracker: apply the latest positions, then give order 77 to the nearest courier.
# Трекер курьеров: применить последние позиции, затем отдать заказ 77 ближайшему курьеру.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# GEOADD of an existing member moves it: the set keeps the latest position.
# GEOADD для существующего участника перемещает его: множество хранит последнюю позицию.
while (ping := r.lpop("courier:pings")) is not None:
    name, lon, lat = ping.split()
    r.geoadd("couriers", [float(lon), float(lat), name])
    print(f"{name} is at {lon}, {lat}")

nearest = r.geosearch(
    "couriers", longitude=37.6176, latitude=55.7558, radius=5, unit="km", sort="ASC", count=1, withdist=True
)
if nearest:
    [[courier, km]] = nearest
    print(f"Nearest courier: {courier} ({km} km)")
    r.set("order:77:courier", courier)
else:
    print("No courier within 5 km")
