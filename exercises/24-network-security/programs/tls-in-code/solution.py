# Write over TLS, trusting only the lab's CA, and record which port the server saw.
# Запись по TLS с доверием только CA лаборатории и запись о том, какой порт увидел сервер.
import os

import redis

# rediss:// is TLS; ssl_ca_certs is the only CA trusted: a certificate it did not sign is refused.
# rediss:// — это TLS; ssl_ca_certs — единственный доверенный CA: чужой сертификат будет отвергнут.
r = redis.Redis.from_url(
    os.environ["REDIS_TLS_URL"],
    ssl_ca_certs=os.environ["REDIS_TLS_CA"],
    decode_responses=True,
)

r.set("tls:hello", "encrypted")
# laddr: the server's address this connection reached, its port included.
# laddr — адрес сервера, до которого дошло это соединение, вместе с портом.
laddr = r.client_info()["laddr"]
r.hset("audit:tls-client", "laddr", laddr)
print("connected over TLS to", laddr)
