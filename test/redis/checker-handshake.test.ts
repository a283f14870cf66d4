import { describe, expect, it } from 'vitest';
import { learnerClientName, learnerHandshake } from '../../src/redis/checker.js';
import type { ConnectionSpec } from '../../src/redis/target.js';

const base: ConnectionSpec = { host: 'localhost', port: 6379, db: 0, tls: false };

describe('learner connection handshake', () => {
  it('names the learner connection', () => {
    expect(learnerClientName()).toBe('redis-tutor:learner');
  });

  it.each([
    [base, [['CLIENT', 'SETNAME', 'redis-tutor:learner']]],
    [{ ...base, db: 3 }, [['SELECT', '3'], ['CLIENT', 'SETNAME', 'redis-tutor:learner']]],
    [{ ...base, password: 'pw' }, [['AUTH', 'pw'], ['CLIENT', 'SETNAME', 'redis-tutor:learner']]],
    [
      { ...base, username: 'alice', password: 'pw', db: 1 },
      [['AUTH', 'alice', 'pw'], ['SELECT', '1'], ['CLIENT', 'SETNAME', 'redis-tutor:learner']],
    ],
  ])('%j', (spec, commands) => {
    expect(learnerHandshake(spec)).toEqual(commands);
  });
});
