# A chat listener: subscribe to chat:global, print the first message, leave.
# Слушатель чата: подписаться на chat:global, напечатать первое сообщение, уйти.
import json
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

pubsub = r.pubsub()
pubsub.subscribe("chat:global")
print("Listening on chat:global...")

for message in pubsub.listen():
    # The first item is the confirmation of SUBSCRIBE, not a message.
    # Первым приходит подтверждение SUBSCRIBE, а не сообщение.
    if message["type"] != "message":
        continue
    data = json.loads(message["data"])
    print(f"{data['user']}: {data['msg']}")
    break

pubsub.unsubscribe("chat:global")
pubsub.close()
