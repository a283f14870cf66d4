"""Content management system (variant 15): a reference solution up to stage 5."""
import os
import sys

import redis

PUBLISHED = "articles:published"
PAGE_SECONDS = 300

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


def page_key(slug: str) -> str:
    return f"page:{slug}"


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
    # The cached page shows the old text: drop it with the edit, so the next show renders the new one.
    pipe.delete(page_key(slug))
    _, version, _ = pipe.execute()
    print(f"edited {slug} version {version}")
    return 0


def publish(r: redis.Redis, slug: str, ts: str) -> int:
    if not r.exists(article_key(slug)):
        return no_article(slug)
    pipe = r.pipeline(transaction=True)
    pipe.hset(article_key(slug), mapping={"status": "published", "published": int(ts)})
    pipe.zadd(PUBLISHED, {slug: int(ts)})
    pipe.execute()
    print(f"published {slug}")
    return 0


def list_articles(r: redis.Redis, count: str) -> int:
    if int(count) < 1:
        raise ValueError("COUNT is at least 1")
    slugs = r.zrevrange(PUBLISHED, 0, int(count) - 1)
    # One round trip for every title.
    pipe = r.pipeline(transaction=False)
    for slug in slugs:
        pipe.hget(article_key(slug), "title")
    for slug, title in zip(slugs, pipe.execute()):
        print(f"{slug}: {title}")
    if not slugs:
        print("no articles")
    return 0


def tag(r: redis.Redis, slug: str, *tags: str) -> int:
    if not tags:
        raise ValueError("at least one TAG")
    if not r.exists(article_key(slug)):
        return no_article(slug)
    pipe = r.pipeline(transaction=True)
    pipe.sadd(f"article:{slug}:tags", *tags)
    for name in tags:
        pipe.sadd(f"tag:{name}", slug)
    pipe.execute()
    print(f"tagged {slug}")
    return 0


def tagged(r: redis.Redis, name: str) -> int:
    # A set counts as scores of 1: weight 0 keeps the publication dates, and drafts are not in the sorted set.
    slugs = r.execute_command("ZINTER", 2, PUBLISHED, f"tag:{name}", "WEIGHTS", 1, 0)
    for slug in reversed(slugs):
        print(slug)
    if not slugs:
        print("no articles")
    return 0


def render(article: dict[str, str]) -> str:
    return f"<h1>{article['title']}</h1><p>{article['body']}</p>"


def show(r: redis.Redis, slug: str) -> int:
    page = r.get(page_key(slug))
    if page is None:
        article = r.hgetall(article_key(slug))
        if article.get("status") != "published":
            print(f"no page {slug}", file=sys.stderr)
            return 1
        page = render(article)
        r.set(page_key(slug), page, ex=PAGE_SECONDS)
    views = r.incr(f"article:{slug}:views")
    print(page)
    print(f"views {views}")
    return 0


COMMANDS = {"create": create, "edit": edit, "publish": publish, "list": list_articles, "tag": tag, "tagged": tagged, "show": show}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: app.py {{{'|'.join(COMMANDS)}}} ...", file=sys.stderr)
        return 2
    try:
        return COMMANDS[argv[0]](connect(), *argv[1:])
    except (TypeError, ValueError):
        print(f"wrong arguments for {argv[0]}", file=sys.stderr)
        return 2
    except redis.ConnectionError as error:
        print(f"cannot reach Redis: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
