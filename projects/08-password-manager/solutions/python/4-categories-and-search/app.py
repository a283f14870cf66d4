"""Password manager (variant 8): a reference solution up to stage 4."""
import base64
import hashlib
import hmac
import os
import secrets
import sys

import redis
from cryptography.fernet import Fernet, InvalidToken

SESSION_SECONDS = 300
ITERATIONS = 100_000
MAX_ATTEMPTS = 3
LOCKOUT_SECONDS = 900


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def derive_key(master: str, salt_hex: str) -> bytes:
    # PBKDF2 makes each guess at the master slow; URL-safe base64 of 32 bytes is the key Fernet takes.
    raw = hashlib.pbkdf2_hmac("sha256", master.encode(), bytes.fromhex(salt_hex), ITERATIONS)
    return base64.urlsafe_b64encode(raw)


def verifier_of(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()


def init(r: redis.Redis, user: str, master: str) -> int:
    salt = secrets.token_hex(16)
    # HSETNX on the salt decides which of two simultaneous inits creates the vault.
    if not r.hsetnx(f"vault:{user}", "salt", salt):
        print(f"vault {user} exists already", file=sys.stderr)
        return 1
    r.hset(f"vault:{user}", "verifier", verifier_of(derive_key(master, salt)))
    print(f"created {user}")
    return 0


def unlock(r: redis.Redis, user: str, master: str) -> int:
    failures = f"failures:{user}"
    # INCR numbers this attempt before any check: of many simultaneous guesses only MAX_ATTEMPTS get one.
    pipe = r.pipeline(transaction=True)
    pipe.incr(failures)
    pipe.expire(failures, LOCKOUT_SECONDS, nx=True)
    attempt, _ = pipe.execute()
    if attempt > MAX_ATTEMPTS:
        print(f"{user} is locked out: too many failed attempts, try again in 15 minutes", file=sys.stderr)
        return 1
    vault = r.hgetall(f"vault:{user}")
    if not vault.get("verifier"):
        print(f"no vault for {user}", file=sys.stderr)
        return 1
    key = derive_key(master, vault["salt"])
    if not hmac.compare_digest(verifier_of(key), vault["verifier"]):
        print("wrong master password", file=sys.stderr)
        return 1
    pipe = r.pipeline(transaction=True)
    pipe.set(f"session:{user}", key, ex=SESSION_SECONDS)
    pipe.delete(failures)
    pipe.execute()
    print("unlocked")
    return 0


def session_cipher(r: redis.Redis, user: str) -> Fernet | None:
    key = r.get(f"session:{user}")
    return Fernet(key) if key else None


def locked(user: str) -> int:
    print(f"vault is locked: run unlock {user} MASTER", file=sys.stderr)
    return 1


def add(r: redis.Redis, user: str, service: str, login: str, password: str, category: str = "") -> int:
    cipher = session_cipher(r, user)
    if cipher is None:
        return locked(user)
    entry = {"login": login, "password": cipher.encrypt(password.encode()).decode()}
    pipe = r.pipeline(transaction=True)
    if category:
        entry["category"] = category
        pipe.sadd(f"category:{user}:{category}", service)
    pipe.hset(f"secret:{user}:{service}", mapping=entry)
    # One score for all: the set then orders by name, which ZRANGEBYLEX searches by prefix.
    pipe.zadd(f"services:{user}", {service: 0})
    pipe.execute()
    print(f"saved {service}")
    return 0


def get(r: redis.Redis, user: str, service: str) -> int:
    cipher = session_cipher(r, user)
    if cipher is None:
        return locked(user)
    entry = r.hgetall(f"secret:{user}:{service}")
    if not entry:
        print(f"no such service: {service}", file=sys.stderr)
        return 1
    try:
        password = cipher.decrypt(entry["password"].encode()).decode()
    except InvalidToken:
        print(f"{service} was not stored with this vault's key", file=sys.stderr)
        return 1
    print(f"{entry['login']} {password}")
    return 0


def print_found(names: list[str]) -> int:
    for name in names:
        print(name)
    print(f"{len(names)} found")
    return 0


def list_category(r: redis.Redis, user: str, category: str) -> int:
    return print_found(sorted(r.smembers(f"category:{user}:{category}")))


def search(r: redis.Redis, user: str, prefix: str) -> int:
    # The byte 0xff sorts after any byte a name can go on with: "[PREFIX" to "[PREFIX\xff" is every name with the prefix.
    return print_found(r.zrangebylex(f"services:{user}", f"[{prefix}", f"[{prefix}".encode() + b"\xff"))

COMMANDS = {"init": init, "unlock": unlock, "add": add, "get": get, "list": list_category, "search": search}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except TypeError:
        print(f"wrong arguments for {argv[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
