# A chat publisher that does not lose messages: publish where someone listens, keep the rest.
# Издатель чата, который не теряет сообщения: публикует, где слушают, остальное сохраняет.
import json
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def send(channel, user, text):
    message = json.dumps({"user": user, "msg": text})
    [(_, listeners)] = r.pubsub_numsub(channel)
    if listeners > 0:
        receivers = r.publish(channel, message)
        print(f"{channel}: delivered to {receivers}")
    else:
        # PUBLISH with nobody subscribed drops the message: keep it for later.
        # PUBLISH без подписчиков теряет сообщение: сохраним его на потом.
        r.rpush(f"pending:{channel}", message)
        print(f"{channel}: nobody listening, saved")


send("chat:global", "Anna", "Deploy at 18:00")
send("chat:support", "Anna", "Deploy at 18:00")
