"""Content management system (variant 15): a reference solution up to stage 1."""
import os
import sys

import redis


# The check and the write in one step: of several authors creating one slug at once, exactly one wins.
CREATE_ARTICLE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'title', ARGV[1], 'body', ARGV[2], 'status', 'draft', 'version', 1)
return 1
"""


def connect() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)


def article_key(slug: str) -> str:
    return f"article:{slug}"


def no_article(slug: str) -> int:
    print(f"no article {slug}", file=sys.stderr)
    return 1


def create(r: redis.Redis, slug: str, title: str, body: str) -> int:
    if not r.eval(CREATE_ARTICLE, 1, article_key(slug), title, body):
        print(f"{slug} exists", file=sys.stderr)
        return 1
    print(f"created {slug}")
    return 0


def edit(r: redis.Redis, slug: str, title: str, body: str) -> int:
    if not r.exists(article_key(slug)):
        return no_article(slug)
    pipe = r.pipeline(transaction=True)
    pipe.hset(article_key(slug), mapping={"title": title, "body": body})
    pipe.hincrby(article_key(slug), "version", 1)
    _, version = pipe.execute()
    print(f"edited {slug} version {version}")
    return 0


COMMANDS = {"create": create, "edit": edit}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except (TypeError, ValueError):
        print(f"wrong arguments for {argv[0]}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
