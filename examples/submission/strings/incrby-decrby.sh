# Wrong on purpose: the balance ends right (500 + 130 = 630),
# but the task asks for INCRBY 250 and then DECRBY 120.
redis-cli -u "$REDIS_URL" INCRBY balance:user:7 130
