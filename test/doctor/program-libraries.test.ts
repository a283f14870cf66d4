import { describe, expect, it } from 'vitest';
import type { ProgramsFact } from '../../src/doctor/doctor-facts.js';
import { diagnose } from '../../src/doctor/diagnose.js';
import { probePrograms } from '../../src/doctor/probes/program-probe.js';
import { pythonWithRedisPy } from '../grade/support/real-clients.js';
import { healthyFacts } from './healthy-facts.js';

const programs = (changes: Partial<ProgramsFact> = {}): ProgramsFact => ({
  python: { path: 'python3', origin: 'default', facts: { state: 'runs', version: '3.11.7', safePathOption: true, redisPy: '4.3.4' } },
  node: { path: '/usr/bin/node', origin: 'default', version: 'v20.19.0', failure: undefined },
  ioredis: '5.11.1',
  ...changes,
});

const lines = (fact: ProgramsFact) => diagnose(healthyFacts({ programs: fact })).results.filter((result) => result.name === 'redis-py' || result.name === 'ioredis');

describe('doctor: can program answers run?', () => {
  it('says which Python and Node.js, with redis-py and ioredis', () => {
    expect(lines(programs())).toEqual([
      { name: 'redis-py', status: 'ok', detail: 'python3 3.11.7 with redis-py 4.3.4' },
      { name: 'ioredis', status: 'ok', detail: "node v20.19.0 with ioredis 5.11.1 (redis-tutor's own: `import Redis from 'ioredis'` works offline)" },
    ]);
  });

  it('a Python without redis-py is a warning with how to install it, and the exit code stays 0', () => {
    const fact = programs({ python: { path: '/opt/py/python3', origin: 'env', facts: { state: 'runs', version: '3.9.2', safePathOption: false, redisPy: undefined } } });
    expect(lines(fact)[0]).toEqual({
      name: 'redis-py',
      status: 'warn',
      detail: '/opt/py/python3 (REDIS_TUTOR_PYTHON) 3.9.2 has no redis-py, so `import redis` fails',
      nextStep: 'Install it for that Python: pip install redis, or apt-get install python3-redis; or name a Python that has it with --python PATH or REDIS_TUTOR_PYTHON.',
    });
    expect(diagnose(healthyFacts({ programs: fact })).exitCode).toBe(0);
  });

  it('no Python at all', () => {
    expect(lines(programs({ python: { path: 'python3', origin: 'default', facts: { state: 'unusable', reason: 'python3 was not found' } } }))[0]).toMatchObject({
      status: 'warn',
      detail: 'python3 does not run: python3 was not found',
    });
  });

  it('probes the real interpreters: --python wins over REDIS_TUTOR_PYTHON', async () => {
    const python = await pythonWithRedisPy();
    const fact = await probePrograms({ python }, { PATH: process.env.PATH ?? '', REDIS_TUTOR_PYTHON: '/nonexistent/python3' });
    expect(fact.python).toMatchObject({ path: python, origin: 'option', facts: { state: 'runs' } });
    expect(fact.node).toMatchObject({ path: process.execPath, origin: 'default', version: `v${process.versions.node}` });
    expect(lines(fact).map((line) => line.status)).toEqual(['ok', 'ok']);
  });
});
