# Tags with a reverse index: article:<id>:tags per article, tag:<tag> per tag, search with SINTER.
# Теги с обратным индексом: article:<id>:tags на статью, tag:<tag> на тег, поиск через SINTER.
import os

import redis

r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"), decode_responses=True)

ARTICLES = {
    1: ["redis", "python", "cache"],
    2: ["redis", "queues"],
    3: ["python", "cache", "django"],
}


def add_article(article_id, tags):
    r.sadd(f"article:{article_id}:tags", *tags)
    # TODO: the reverse index: add article_id to tag:<tag> for each tag (r.sadd).
    # TODO: обратный индекс: добавьте article_id в tag:<tag> для каждого тега (r.sadd).


def find(tags):
    # TODO: the ids of the articles with all these tags: one SINTER of the tag:<tag> keys (r.sinter), sorted.
    # TODO: id статей со всеми этими тегами: один SINTER ключей tag:<tag> (r.sinter), отсортированные.
    return []


for article_id, tags in ARTICLES.items():
    add_article(article_id, tags)

for tags in [["python", "cache"], ["redis", "cache"], ["redis", "django"]]:
    print(" + ".join(tags) + ":", ", ".join(find(tags)) or "none")
