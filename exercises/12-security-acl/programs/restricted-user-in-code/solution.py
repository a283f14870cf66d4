# The daily report as the ACL user report-bot: read the stats, survive NOPERM.
# Ежедневный отчёт от имени пользователя ACL report-bot: читает статистику, переживает NOPERM.
import os

import redis

# REDIS_URL carries the tutor's user: build the bot's connection from its parts.
# В REDIS_URL — пользователь тренажёра: подключение бота собираем из частей.
r = redis.Redis(
    host=os.environ.get("REDIS_HOST", "localhost"),
    port=int(os.environ.get("REDIS_PORT", "6379")),
    db=int(os.environ.get("REDIS_DB", "0")),
    username="report-bot",
    password="report-bot-pass-7",
    decode_responses=True,
)

orders, visits = r.mget("stats:orders:today", "stats:visits:today")
print(f"orders today: {orders}")
print(f"visits today: {visits}")

try:
    r.set("report:daily", f"orders={orders} visits={visits}")
    print("Report saved")
except redis.exceptions.NoPermissionError as error:
    # Only NOPERM is expected here; any other error should still stop us.
    # Здесь ожидается только NOPERM; любая другая ошибка должна нас остановить.
    print(f"Report not saved: {error}")
