// Content management system (variant 15): a reference solution up to stage 2.
import Redis from 'ioredis';

const PUBLISHED = 'articles:published';

const articleKey = (slug) => `article:${slug}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  // The check and the write in one step: of several authors creating one slug at once, exactly one wins.
  redis.defineCommand('createArticle', {
    numberOfKeys: 1,
    lua: `if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'title', ARGV[1], 'body', ARGV[2], 'status', 'draft', 'version', 1)
return 1`,
  });
  return redis;
}

function noArticle(slug) {
  console.error(`no article ${slug}`);
  return 1;
}

async function create(redis, slug, title, body) {
  if ((await redis.createArticle(articleKey(slug), title, body)) === 0) {
    console.error(`${slug} exists`);
    return 1;
  }
  console.log(`created ${slug}`);
  return 0;
}

async function edit(redis, slug, title, body) {
  if (!(await redis.exists(articleKey(slug)))) return noArticle(slug);
  const [, [, version]] = await redis
    .multi()
    .hset(articleKey(slug), { title, body })
    .hincrby(articleKey(slug), 'version', 1)
    .exec();
  console.log(`edited ${slug} version ${version}`);
  return 0;
}

async function publish(redis, slug, ts) {
  if (!/^\d+$/.test(ts ?? '')) {
    console.error('TS is a whole number of seconds');
    return 2;
  }
  if (!(await redis.exists(articleKey(slug)))) return noArticle(slug);
  await redis.multi().hset(articleKey(slug), { status: 'published', published: ts }).zadd(PUBLISHED, ts, slug).exec();
  console.log(`published ${slug}`);
  return 0;
}

async function list(redis, count) {
  if (!/^[1-9]\d*$/.test(count ?? '')) {
    console.error('COUNT is a number, at least 1');
    return 2;
  }
  const slugs = await redis.zrevrange(PUBLISHED, 0, Number(count) - 1);
  // One round trip for every title.
  const pipe = redis.pipeline();
  for (const slug of slugs) pipe.hget(articleKey(slug), 'title');
  const titles = await pipe.exec();
  slugs.forEach((slug, i) => console.log(`${slug}: ${titles[i][1]}`));
  if (slugs.length === 0) console.log('no articles');
  return 0;
}

const COMMANDS = { create, edit, publish, list };

const [name, ...args] = process.argv.slice(2);
const run = Object.hasOwn(COMMANDS, name ?? '') ? COMMANDS[name] : undefined;
if (run === undefined) {
  console.error(`usage: app.mjs ${Object.keys(COMMANDS).join('|')} ...`);
  process.exitCode = 2;
} else {
  const redis = connect();
  try {
    await redis.connect();
    process.exitCode = await run(redis, ...args);
  } finally {
    redis.disconnect();
  }
}
