// Tags with a reverse index: article:<id>:tags per article, tag:<tag> per tag, search with SINTER.
// Теги с обратным индексом: article:<id>:tags на статью, tag:<tag> на тег, поиск через SINTER.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const ARTICLES = {
  1: ['redis', 'python', 'cache'],
  2: ['redis', 'queues'],
  3: ['python', 'cache', 'django'],
};

async function addArticle(articleId, tags) {
  await redis.sadd(`article:${articleId}:tags`, ...tags);
  // TODO: the reverse index: add articleId to tag:<tag> for each tag (redis.sadd).
  // TODO: обратный индекс: добавьте articleId в tag:<tag> для каждого тега (redis.sadd).
}

async function find(tags) {
  // TODO: the ids of the articles with all these tags: one SINTER of the tag:<tag> keys (redis.sinter), sorted.
  // TODO: id статей со всеми этими тегами: один SINTER ключей tag:<tag> (redis.sinter), отсортированные.
  return [];
}

for (const [articleId, tags] of Object.entries(ARTICLES)) {
  await addArticle(articleId, tags);
}

for (const tags of [['python', 'cache'], ['redis', 'cache'], ['redis', 'django']]) {
  console.log(`${tags.join(' + ')}:`, (await find(tags)).join(', ') || 'none');
}

await redis.quit();
