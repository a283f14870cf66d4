import { describe, expect, it } from 'vitest';
import type { ServerFacts } from '../../src/course/requirement-fit.js';
import { fixtureCourse, recordingController, renderTui, tick } from './support/render-tui.js';

const REDIS_7_0: ServerFacts = { kind: 'redis', version: '7.0.15', redisVersion: '7.0.15', owned: true, commands: {} };

describe('HomeScreen and a server that cannot run an exercise', () => {
  it('marks the exercise with the reason, and shows how to get a server that can when it is selected', async () => {
    const course = await fixtureCourse();
    const news = course.modules[1]?.exercises[0];
    if (!news) throw new Error('the fixture course has no pubsub/news');
    news.requires = { redis: '7.4' };
    const { controller } = recordingController();
    const tui = renderTui({ course, controller, server: REDIS_7_0, columns: 160 });
    await tick();
    tui.stdin.write('j'); // Getting started
    tui.stdin.write('j'); // Pub/Sub
    await tick();
    tui.stdin.write('\r'); // expand it
    await tick();
    expect(tui.lastFrame()).toContain('· 01 Listen to the news  ✗ cannot run on this server: needs Redis 7.4 or newer; this is Redis 7.0.15');
    expect(tui.lastFrame()).not.toContain('· 02 Release a lock  ✗');
    expect(tui.lastFrame()).toContain('Enter open');
    tui.stdin.write('j'); // the marked exercise
    await tick();
    expect(tui.lastFrame()).toContain('Start a server that can with Docker: docker run -d --rm -p 127.0.0.1:6380:6379 redis:7.4; redis-tutor start --url redis://127.0.0.1:6380');
    tui.unmount();
  });

  it('marks nothing when the server can run everything', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, server: REDIS_7_0 });
    await tick();
    expect(tui.lastFrame()).not.toContain('✗');
    tui.unmount();
  });
});
