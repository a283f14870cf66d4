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
    # The reverse index answers "which articles have this tag?".
    # Обратный индекс отвечает на вопрос «у каких статей этот тег?».
    for tag in tags:
        r.sadd(f"tag:{tag}", article_id)


def find(tags):
    # Sets have no order: sort before printing. / У множеств нет порядка: сортируем перед выводом.
    return sorted(r.sinter(*[f"tag:{tag}" for tag in tags]))


for article_id, tags in ARTICLES.items():
    add_article(article_id, tags)

for tags in [["python", "cache"], ["redis", "cache"], ["redis", "django"]]:
    print(" + ".join(tags) + ":", ", ".join(find(tags)) or "none")
