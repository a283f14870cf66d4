import { checkCourseFact } from './checks/course-check.js';
import { checkDocker } from './checks/docker-check.js';
import { checkNode } from './checks/node-check.js';
import { checkProgramLibraries } from './checks/program-libraries-check.js';
import { checkProgress } from './checks/progress-check.js';
import { checkRedisCli } from './checks/redis-cli-check.js';
import { checkRedisServer, redisServerUsable } from './checks/redis-server-check.js';
import { checkTerminal } from './checks/terminal-checks.js';
import { checkUrl, urlUsable } from './checks/url-checks.js';
import type { DoctorFacts, RedisServerFact } from './doctor-facts.js';
import { exitCodeFor, type DoctorReport } from './doctor-model.js';

/**
 * Judges the facts. Pure: the same facts always give the same report.
 *
 * Which Redis the tutor would use follows acquireRedis() (src/redis/acquire.ts):
 * --url alone when given; else redis-server; else Docker. So the lines about
 * redis-server and Docker fail only when they are the reason no Redis is obtainable.
 */
export function diagnose(facts: DoctorFacts): DoctorReport {
  const urlGiven = facts.url.state !== 'not-given';
  const dockerAnswers = facts.docker.state === 'answering';
  const serverUsable = redisServerUsable(facts.redisServer);
  const coveredBy = urlGiven ? '--url' : dockerAnswers && dockerMayStandIn(facts.redisServer) ? 'Docker' : undefined;

  const results = [
    checkNode(facts.nodeVersion),
    checkRedisServer(facts.redisServer, coveredBy),
    checkRedisCli(facts.redisCli),
    checkDocker(facts.docker, !urlGiven && !serverUsable),
    ...checkUrl(facts.url),
    ...checkTerminal(facts.terminal),
    checkProgress(facts.progress),
    checkCourseFact(facts.course),
    ...(facts.programs ? checkProgramLibraries(facts.programs) : []),
  ];
  const exitCode = exitCodeFor(results);
  return { results, exitCode, verdict: verdict(facts, exitCode, serverUsable, dockerAnswers) };
}

/**
 * acquireRedis() falls back to Docker only when redis-server is absent from
 * PATH or too old there; a binary the person named that does not work is an error.
 */
function dockerMayStandIn(fact: RedisServerFact): boolean {
  return fact.state === 'missing' || (fact.state === 'found' && fact.source === 'path');
}

function verdict(facts: DoctorFacts, exitCode: number, serverUsable: boolean, dockerAnswers: boolean): string {
  if (exitCode !== 0) return 'redis-tutor cannot run yet: fix the failed checks above.';
  const redis =
    facts.url.state === 'reachable' && urlUsable(facts.url)
      ? `the Redis at ${facts.url.where}`
      : serverUsable && facts.redisServer.state === 'found'
        ? `a private redis-server ${facts.redisServer.version} it starts itself`
        : dockerAnswers
          ? 'a redis:7 container it starts with Docker'
          : 'a Redis';
  return `redis-tutor can run: it will use ${redis}.`;
}
