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
  // The reverse index answers "which articles have this tag?".
  // Обратный индекс отвечает на вопрос «у каких статей этот тег?».
  for (const tag of tags) {
    await redis.sadd(`tag:${tag}`, articleId);
  }
}

async function find(tags) {
  // Sets have no order: sort before printing. / У множеств нет порядка: сортируем перед выводом.
  return (await redis.sinter(...tags.map((tag) => `tag:${tag}`))).sort();
}

for (const [articleId, tags] of Object.entries(ARTICLES)) {
  await addArticle(articleId, tags);
}

for (const tags of [['python', 'cache'], ['redis', 'cache'], ['redis', 'django']]) {
  console.log(`${tags.join(' + ')}:`, (await find(tags)).join(', ') || 'none');
}

await redis.quit();
