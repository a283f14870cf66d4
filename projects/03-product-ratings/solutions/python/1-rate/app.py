"""Product ratings (variant 3): a reference solution up to stage 1."""
import os
import sys

import redis


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def rating_key(product: str) -> str:
    return f"rating:{product}"


def rate(r: redis.Redis, product: str, stars: str) -> int:
    if stars not in ("1", "2", "3", "4", "5"):
        print(f"stars must be 1 to 5, not {stars}", file=sys.stderr)
        return 1
    # One transaction: the sum and the count change together, each HINCRBY atomic.
    with r.pipeline() as pipe:
        pipe.hincrby(rating_key(product), "sum", int(stars)).hincrby(rating_key(product), "count", 1).execute()
    print(f"rated {product}")
    return 0


COMMANDS = {"rate": rate}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    return COMMANDS[argv[0]](connect(), *argv[1:])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
