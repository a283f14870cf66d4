import type { DoctorFacts } from '../../src/doctor/doctor-facts.js';

/** A machine where everything is fine; each test changes one fact. */
export function healthyFacts(changes: Partial<DoctorFacts> = {}): DoctorFacts {
  return {
    nodeVersion: '20.19.0',
    redisServer: { state: 'found', path: '/usr/bin/redis-server', source: 'path', version: '7.0.15' },
    redisCli: { state: 'found', path: '/usr/bin/redis-cli', version: '7.0.15' },
    docker: { state: 'answering', path: '/usr/bin/docker', serverVersion: '27.1.1' },
    url: { state: 'not-given' },
    terminal: {
      platform: 'linux',
      stdinTty: true,
      stdoutTty: true,
      columns: 120,
      rows: 40,
      colour: { enabled: true, reason: 'a colour terminal' },
      locale: { variable: 'LANG', value: 'en_US.UTF-8' },
    },
    progress: { state: 'exists', file: '/home/a/.local/share/redis-tutor/progress.json', fromEnv: false, readable: true, writable: true },
    course: { state: 'loaded', dir: '/pkg/exercises', modules: 17, exercises: 124, errors: [], warnings: 0 },
    ...changes,
  };
}

export const reachableUrl = (changes: { keys?: number; mayReset?: boolean; version?: string; db?: number } = {}): DoctorFacts['url'] => ({
  state: 'reachable',
  url: `redis://127.0.0.1:6390/${changes.db ?? 0}`,
  where: `127.0.0.1:6390/${changes.db ?? 0}`,
  db: changes.db ?? 0,
  version: changes.version ?? '7.2.5',
  keys: changes.keys ?? 0,
  mayReset: changes.mayReset ?? true,
});
