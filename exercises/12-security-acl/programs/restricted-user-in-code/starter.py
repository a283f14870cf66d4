# The daily report as the ACL user report-bot: read the stats, survive NOPERM.
# Ежедневный отчёт от имени пользователя ACL report-bot: читает статистику, переживает NOPERM.
import os

import redis

# TODO: connect as report-bot (password report-bot-pass-7), not with REDIS_URL (the tutor's user):
#       redis.Redis(host=os.environ["REDIS_HOST"], port=int(os.environ["REDIS_PORT"]),
#                   db=int(os.environ["REDIS_DB"]), username=..., password=..., decode_responses=True)
# TODO: подключитесь как report-bot (пароль report-bot-pass-7), а не по REDIS_URL (пользователь тренажёра):
#       redis.Redis(host=os.environ["REDIS_HOST"], port=int(os.environ["REDIS_PORT"]),
#                   db=int(os.environ["REDIS_DB"]), username=..., password=..., decode_responses=True)
r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

print("Daily report")

# TODO: MGET stats:orders:today and stats:visits:today; print "orders today: <n>" and "visits today: <n>".
# TODO: MGET stats:orders:today и stats:visits:today; напечатайте "orders today: <n>" и "visits today: <n>".

# TODO: try r.set("report:daily", ...); catch redis.exceptions.NoPermissionError and print
#       "Report not saved: <error>".
# TODO: попробуйте r.set("report:daily", ...); поймайте redis.exceptions.NoPermissionError и напечатайте
#       "Report not saved: <ошибка>".
