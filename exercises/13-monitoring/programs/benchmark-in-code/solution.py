# redis-benchmark against the sandbox, twice: one command per round trip, then pipelined.
# redis-benchmark против песочницы, дважды: по команде за обмен, затем конвейером.
import os
import re
import subprocess

import redis

URL = os.environ["REDIS_URL"]


def bench(*extra):
    """Runs redis-benchmark -q and returns its output."""
    run = subprocess.run(
        ["redis-benchmark", "-u", URL, "-q", "-n", "2000", "-t", "set,get", *extra],
        capture_output=True, text=True, check=True,
    )
    # -q rewrites a progress line with \r; the last piece of each line is the result.
    # -q переписывает строку прогресса через \r; итог — последний кусок строки.
    return "\n".join(line.split("\r")[-1].strip() for line in run.stdout.splitlines())


def set_rps(output):
    """SET: 55248.62 requests per second, p50=0.583 msec -> 55248.62"""
    return float(re.search(r"^SET: ([\d.]+) requests per second", output, re.M).group(1))


plain = bench()
print(plain)
# 16 commands per round trip: fewer waits on the network, fewer reads and writes on the server.
# 16 команд за обмен: меньше ожиданий сети, меньше чтений и записей на сервере.
pipelined = bench("-P", "16")
print(pipelined)

r = redis.Redis.from_url(URL, decode_responses=True)
r.hset("bench:set", mapping={"plain": set_rps(plain), "pipelined": set_rps(pipelined)})
print("SET per second:", r.hgetall("bench:set"))
