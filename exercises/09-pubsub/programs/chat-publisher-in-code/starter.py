# A chat publisher that does not lose messages: publish where someone listens, keep the rest.
# Издатель чата, который не теряет сообщения: публикует, где слушают, остальное сохраняет.
import json
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def send(channel, user, text):
    message = json.dumps({"user": user, "msg": text})
    # TODO: ask how many listen with PUBSUB NUMSUB (r.pubsub_numsub(channel) returns [(channel, count)]).
    #       With listeners: PUBLISH the message (r.publish) and print "<channel>: delivered to <what PUBLISH returned>".
    #       With none: RPUSH it to pending:<channel> and print "<channel>: nobody listening, saved".
    # TODO: узнайте, сколько слушают, через PUBSUB NUMSUB (r.pubsub_numsub(channel) вернёт [(channel, count)]).
    #       Если слушают: опубликуйте сообщение (r.publish) и напечатайте "<channel>: delivered to <что вернул PUBLISH>".
    #       Если нет: добавьте его в pending:<channel> через RPUSH и напечатайте "<channel>: nobody listening, saved".
    print(f"{channel}: not sent yet")


send("chat:global", "Anna", "Deploy at 18:00")
send("chat:support", "Anna", "Deploy at 18:00")
