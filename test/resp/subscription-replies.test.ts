import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespConnection } from '../../src/resp/connection.js';
import { SubscriptionReplies } from '../../src/resp/subscription-replies.js';
import type { Reply } from '../../src/resp/types.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const args = (...words: string[]): Buffer[] => words.map((word) => Buffer.from(word));
const bulk = (text: string): Reply => ({ type: 'bulk', value: Buffer.from(text) });
const array = (...items: Reply[]): Reply => ({ type: 'array', items });
const integer = (value: number): Reply => ({ type: 'integer', value: BigInt(value) });
const confirmation = (word: string, channel: string, count: number) => array(bulk(word), bulk(channel), integer(count));

describe('SubscriptionReplies.repliesTo: how many replies a command gets', () => {
  it.each<[string, string[], string[], number]>([
    ['a plain command', [], ['GET', 'k'], 1],
    ['SUBSCRIBE of three channels', [], ['SUBSCRIBE', 'a', 'b', 'c'], 3],
    ['PSUBSCRIBE of two patterns', [], ['psubscribe', 'a*', 'b*'], 2],
    ['a bare UNSUBSCRIBE holding two channels', ['a', 'b'], ['UNSUBSCRIBE'], 2],
    ['a bare UNSUBSCRIBE holding none', [], ['UNSUBSCRIBE'], 1],
    ['a bare PUNSUBSCRIBE: channels are not patterns', ['a', 'b'], ['PUNSUBSCRIBE'], 1],
    ['a bare UNSUBSCRIBE after RESET, which left both channels', ['a', 'b', 'RESET'], ['UNSUBSCRIBE'], 1],
  ])('%s', (_name, held, command, expected) => {
    const replies = new SubscriptionReplies();
    for (const channel of held) replies.observe(channel === 'RESET' ? { type: 'status', value: Buffer.from('RESET') } : confirmation('subscribe', channel, 1));
    expect(replies.repliesTo(args(...command))).toBe(expected);
  });
});

describe('SubscriptionReplies.observe: what a reply is', () => {
  it.each<[string, boolean, Reply, string]>([
    ['a subscribe confirmation', false, confirmation('subscribe', 'a', 1), 'confirmation'],
    ['a message while subscribed', true, array(bulk('message'), bulk('a'), bulk('hi')), 'message'],
    ['a pattern message while subscribed', true, array(bulk('pmessage'), bulk('a*'), bulk('ab'), bulk('hi')), 'message'],
    ['LRANGE answering "message", "a", "hi" on a connection that is not subscribed', false, array(bulk('message'), bulk('a'), bulk('hi')), 'other'],
    ['PING while subscribed', true, array(bulk('pong'), bulk('')), 'other'],
    ['a status reply', true, { type: 'status', value: Buffer.from('OK') }, 'other'],
  ])('%s', (_name, subscribed, reply, kind) => {
    const replies = new SubscriptionReplies();
    if (subscribed) replies.observe(confirmation('subscribe', 'a', 1));
    expect(replies.observe(reply)).toBe(kind);
  });
});

describe('RespConnection.send on a subscribed RESP2 connection, against a real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('an UNSUBSCRIBE pipelined after a SUBSCRIBE of two channels gets its own reply, not the second confirmation', async () => {
    const learner = await RespConnection.connect({ host: '127.0.0.1', port: server.port, tls: false });
    try {
      // One write: both wait for their replies before the first confirmation arrives.
      const [subscribed, unsubscribed] = await Promise.all([learner.send(args('SUBSCRIBE', 'a', 'b')), learner.send(args('UNSUBSCRIBE', 'b'))]);
      expect(subscribed).toEqual(confirmation('subscribe', 'a', 1));
      expect(unsubscribed).toEqual(confirmation('unsubscribe', 'b', 1));
      expect(await learner.read()).toEqual(confirmation('subscribe', 'b', 2));
    } finally {
      learner.destroy();
    }
  });

  it('after RESET left its channels, a bare UNSUBSCRIBE gets its one reply and the next SUBSCRIBE its own', async () => {
    const learner = await RespConnection.connect({ host: '127.0.0.1', port: server.port, tls: false });
    try {
      await learner.send(args('SUBSCRIBE', 'a', 'b'));
      expect(await learner.send(args('RESET'))).toEqual({ type: 'status', value: Buffer.from('RESET') });
      expect(await learner.send(args('UNSUBSCRIBE'))).toEqual(array(bulk('unsubscribe'), { type: 'nil' }, integer(0)));
      // A stale count would wait for a second UNSUBSCRIBE reply and take this SUBSCRIBE's confirmation for it.
      expect(await learner.send(args('SUBSCRIBE', 'c'))).toEqual(confirmation('subscribe', 'c', 1));
    } finally {
      learner.destroy();
    }
  });

  it('a message published to it never answers the next command', async () => {
    const learner = await RespConnection.connect({ host: '127.0.0.1', port: server.port, tls: false });
    const publisher = await RespConnection.connect({ host: '127.0.0.1', port: server.port, tls: false });
    try {
      await learner.send(args('SUBSCRIBE', 'news'));
      expect(await publisher.send(args('PUBLISH', 'news', 'hello'))).toEqual(integer(1));
      // The message is on its way to the learner, ahead of the reply to this PING.
      expect(await learner.send(args('PING'))).toEqual(array(bulk('pong'), bulk('')));
      expect(await learner.read()).toEqual(array(bulk('message'), bulk('news'), bulk('hello')));
    } finally {
      learner.destroy();
      publisher.destroy();
    }
  });
});
