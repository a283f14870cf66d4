import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promptHistoryFilePath } from '../../src/progress/history-path.js';
import { progressFilePath } from '../../src/progress/progress-store.js';

describe('promptHistoryFilePath', () => {
  it('sits beside progress.json in REDIS_TUTOR_HOME', () => {
    const env = { REDIS_TUTOR_HOME: '/tmp/learner-a', HOME: '/home/ada' };
    expect(promptHistoryFilePath(env)).toBe(join('/tmp/learner-a', 'history'));
    expect(promptHistoryFilePath(env)).toBe(join(join(progressFilePath(env), '..'), 'history'));
  });

  it('never points at redis-cli’s own history file', () => {
    // Without REDIS_TUTOR_HOME: the platform's data dir, whatever REDISCLI_HISTFILE says.
    const env = { REDISCLI_HISTFILE: '/home/ada/.rediscli_history' };
    const path = promptHistoryFilePath(env);
    expect(path).toBe(join(dirname(progressFilePath(env)), 'history'));
    expect(path).not.toContain('rediscli');
  });
});
