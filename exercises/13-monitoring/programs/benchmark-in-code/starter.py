# redis-benchmark against the sandbox, twice: one command per round trip, then pipelined.
# redis-benchmark против песочницы, дважды: по команде за обмен, затем конвейером.
import os
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


plain = bench()
print(plain)
# TODO: run it again with -P 16 and print that output too
# TODO: store both SET requests-per-second numbers in the hash bench:set, fields plain and pipelined
