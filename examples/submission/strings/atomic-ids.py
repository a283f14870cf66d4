"""Takes two order numbers from the seq:order counter and stores the orders.

With redis-py (pip install redis) this would be:

    import os, redis
    r = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    r.set(f"order:{r.incr('seq:order')}", "book")

The grader sets REDIS_URL to the sandbox: host, port, credentials and the
database (`redis://127.0.0.1:PORT/0`, or /1 when grading with
`--url redis://host:6379/1`). Connect with it, not with REDIS_HOST and
REDIS_PORT alone, or the answer may write into another database. This
example speaks RESP with the standard library only, so it runs anywhere
python3 does.
"""
import os
import socket
from urllib.parse import unquote, urlparse

url = urlparse(os.environ["REDIS_URL"])
sock = socket.create_connection((url.hostname, url.port or 6379))
replies = sock.makefile("rb")


def call(*args):
    """Sends one command and returns its reply (integers and simple strings only)."""
    parts = [f"*{len(args)}\r\n"] + [f"${len(str(a).encode())}\r\n{a}\r\n" for a in args]
    sock.sendall("".join(parts).encode())
    line = replies.readline().decode().rstrip("\r\n")
    if line.startswith("-"):
        raise RuntimeError(line[1:])
    return int(line[1:]) if line.startswith(":") else line[1:]


# What redis-py does with the URL: AUTH when it has a password, SELECT for its database.
if url.password is not None:
    call("AUTH", *([unquote(url.username)] if url.username else []), unquote(url.password))
database = url.path.lstrip("/") or "0"
if database != "0":
    call("SELECT", database)

for item in ["book", "lamp"]:
    order_id = call("INCR", "seq:order")
    call("SET", f"order:{order_id}", item)
    print(f"order:{order_id} = {item}")
