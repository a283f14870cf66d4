"""Recommendations (variant 13). Run: python3 app.py like USER ITEM | view USER ITEM | likes USER | also-liked ITEM | similar USER | recommend USER"""
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
