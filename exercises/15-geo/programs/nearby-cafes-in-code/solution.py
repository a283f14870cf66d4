# Cafes near the user: GEOADD the places, GEOSEARCH around the user's point.
# Кафе рядом с пользователем: GEOADD для мест, GEOSEARCH вокруг точки пользователя.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# Longitude first, then latitude.
# Сначала долгота, потом широта.
r.geoadd("cafes:moscow", [
    37.6200, 55.7570, "coffee-bean",
    37.6100, 55.7600, "surf-coffee",
    37.6350, 55.7500, "double-b",
    37.5900, 55.7400, "cofix",
    37.6550, 55.7700, "skuratov",
])

found = r.geosearch(
    "cafes:moscow", longitude=37.6176, latitude=55.7558, radius=1, unit="km", sort="ASC", withdist=True
)
for name, km in found:
    print(f"{name}: {km:.2f} km")
