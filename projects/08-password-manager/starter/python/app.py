"""Password manager (variant 8). Run: python3 app.py init USER MASTER | unlock USER MASTER | add USER SERVICE LOGIN PASSWORD [CATEGORY] | get USER SERVICE | list USER CATEGORY | search USER PREFIX | report USER"""
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
