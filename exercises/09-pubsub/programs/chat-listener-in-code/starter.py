# A chat listener: subscribe to chat:global, print the first message, leave.
# Слушатель чата: подписаться на chat:global, напечатать первое сообщение, уйти.
import json
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

pubsub = r.pubsub()
# TODO: subscribe to chat:global (pubsub.subscribe).
# TODO: подпишитесь на chat:global (pubsub.subscribe).
print("Listening on chat:global...")

# TODO: for message in pubsub.listen(): skip the ones whose message["type"] is not "message";
#       parse json.loads(message["data"]), print "<user>: <msg>" and break after the first one.
# TODO: for message in pubsub.listen(): пропускайте те, у которых message["type"] не "message";
#       разберите json.loads(message["data"]), напечатайте "<user>: <msg>" и выйдите (break) после первого.

pubsub.close()
