# Cafes near the user: GEOADD the places, GEOSEARCH around the user's point.
# Кафе рядом с пользователем: GEOADD для мест, GEOSEARCH вокруг точки пользователя.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

# TODO: one GEOADD with the five cafes of the task: r.geoadd("cafes:moscow", [lon, lat, name, ...])
#       (longitude first).
# TODO: один GEOADD с пятью кафе из задания: r.geoadd("cafes:moscow", [lon, lat, name, ...])
#       (сначала долгота).

# TODO: found = r.geosearch("cafes:moscow", longitude=37.6176, latitude=55.7558, radius=1, unit="km",
#       sort="ASC", withdist=True); print "<cafe>: <distance> km" with two decimals ({km:.2f}) for each.
# TODO: found = r.geosearch("cafes:moscow", longitude=37.6176, latitude=55.7558, radius=1, unit="km",
#       sort="ASC", withdist=True); напечатайте "<кафе>: <расстояние> km" с двумя знаками ({km:.2f}) для каждого.
print("Searching for cafes...")
