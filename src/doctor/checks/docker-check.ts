import type { CheckResult } from '../doctor-model.js';
import type { DockerFact } from '../doctor-facts.js';

/** Docker is a fallback (a throwaway redis:7 container), so missing it is never a failure on its own. */
export function checkDocker(fact: DockerFact, needed: boolean): CheckResult {
  const name = 'Docker';
  const why = needed ? 'redis-tutor would use it, as there is no usable redis-server' : 'optional: a fallback when there is no redis-server';
  switch (fact.state) {
    case 'answering':
      return { name, status: 'ok', detail: `engine ${fact.serverVersion} answers` };
    case 'no-engine':
      return {
        name,
        status: 'warn',
        detail: `no engine answered \`docker version\` (${fact.reason}); ${why}`,
        nextStep: 'Start Docker Desktop or the docker service (sudo systemctl start docker) if you want the Docker fallback.',
      };
    case 'missing':
      return {
        name,
        status: 'warn',
        detail: `not installed; ${why}`,
        ...(needed ? { nextStep: 'Install Docker (https://docs.docker.com/get-docker/) or, simpler, redis-server.' } : {}),
      };
  }
}
