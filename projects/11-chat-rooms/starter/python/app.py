"""Chat rooms (variant 11). Run: python3 app.py create ROOM | delete ROOM | join ROOM USER | leave ROOM USER | send ROOM USER TEXT | history ROOM COUNT | listen ROOM | online USER | who ROOM"""
import os
import sys

import redis


def connect() -> redis.Redis:
    # The tester gives the sandbox as REDIS_URL.
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def main(argv: list[str]) -> int:
    print(f"not implemented yet: {' '.join(argv) or '(no command)'}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
