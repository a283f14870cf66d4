# Write over TLS: the plain port below is unencrypted.
# Запись по TLS: обычный порт ниже не шифруется.
import os

import redis

# The TLS port is in REDIS_TLS_URL (rediss://...), the CA that signed its certificate in the file REDIS_TLS_CA.
# TLS-порт — в REDIS_TLS_URL (rediss://...), CA, подписавший его сертификат, — в файле REDIS_TLS_CA.
r = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)

# TODO: connect with REDIS_TLS_URL, trusting the CA in REDIS_TLS_CA (ssl_ca_certs=...)
# TODO: SET tls:hello encrypted
# TODO: store CLIENT INFO's laddr in the hash audit:tls-client, field laddr
print("connected to", r.client_info()["laddr"])
