import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/resp/types.js';
import { LearnerTap } from '../../src/tutor/learner-tap.js';
import { anyString } from '../support/matchers.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitUntil } from '../support/wait-until.js';

let server: TestServer;
let publisher: Redis;

beforeAll(async () => {
  server = await startTestServer();
  publisher = new Redis(server.port, '127.0.0.1');
});
afterAll(async () => {
  publisher.disconnect();
  await server.stop();
});

const args = (...words: string[]) => words.map((word) => Buffer.from(word));
const texts = (reply: Reply) => (reply.type === 'push' || reply.type === 'array' ? reply.items.map((item) => ('value' in item ? String(item.value) : item.type)) : [reply.type]);

/** A reply that never comes fails the test with a reason instead of hanging it (a deadline, not a speed limit). */
function within<T>(promise: Promise<T>, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

describe('LearnerTap', () => {
  it('on a RESP3 connection, SUBSCRIBE and UNSUBSCRIBE resolve with their confirming push; messages still reach the listener', async () => {
    const tap = new LearnerTap();
    const unclaimed: Reply[] = [];
    tap.onUnclaimed((reply) => unclaimed.push(reply));
    const learner = await tap.connectLearner({ host: '127.0.0.1', port: server.port, db: 0, tls: false });
    expect((await learner.send(args('HELLO', '3'))).type).toBe('map');
    expect(tap.resp3).toBe(true);

    const subscribed = await within(learner.send(args('SUBSCRIBE', 'news', 'sport')));
    expect(subscribed.type).toBe('push');
    expect(texts(subscribed)).toEqual(['subscribe', 'news', '1']);
    await publisher.publish('news', 'hello');
    await waitUntil(() => unclaimed.length >= 2, 'the published message');
    expect(unclaimed.map(texts)).toEqual([
      ['subscribe', 'sport', '2'],
      ['message', 'news', 'hello'],
    ]);

    expect(texts(await within(learner.send(args('UNSUBSCRIBE'))))).toEqual(['unsubscribe', anyString(), anyString()]);
    // One confirmation per channel: the second reaches the listener.
    await waitUntil(() => unclaimed.length >= 3, 'the second unsubscribe confirmation');
    expect(texts(unclaimed[2] as Reply)).toEqual(['unsubscribe', anyString(), '0']);
    // The FIFO of send() is intact: a plain command gets its own reply.
    expect(await within(learner.send(args('PING')))).toEqual({ type: 'status', value: Buffer.from('PONG') });
    // An error answers a pub/sub command too.
    expect((await within(learner.send(args('SUBSCRIBE')))).type).toBe('error');

    expect((await learner.send(args('RESET'))).type).toBe('status');
    expect(tap.resp3).toBe(false);
    await learner.close();
  });
});
