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
import { doctorTexts, type DoctorTexts } from './texts/doctor-texts.js';
import type { Language } from '../course/schema.js';
import { serverBinaryName } from '../redis/server-identity.js';

/**
 * Judges the facts. Pure: the same facts always give the same report.
 *
 * Which Redis the tutor would use follows acquireRedis() (src/redis/acquire.ts):
 * --url alone when given; else redis-server; else Docker. So the lines about
 * redis-server and Docker fail only when they are the reason no Redis is obtainable.
 */
export function diagnose(facts: DoctorFacts, language: Language = 'en'): DoctorReport {
  const t = doctorTexts(language);
  const urlGiven = facts.url.state !== 'not-given';
  const dockerAnswers = facts.docker.state === 'answering';
  const serverUsable = redisServerUsable(facts.redisServer);
  const coveredBy = urlGiven ? '--url' : dockerAnswers && dockerMayStandIn(facts.redisServer) ? 'Docker' : undefined;

  const results = [
    checkNode(facts.nodeVersion, t),
    checkRedisServer(facts.redisServer, coveredBy, t),
    checkRedisCli(facts.redisCli, t),
    checkDocker(facts.docker, !urlGiven && !serverUsable, t),
    ...checkUrl(facts.url, t),
    ...checkTerminal(facts.terminal, t),
    checkProgress(facts.progress, t),
    checkCourseFact(facts.course, t),
    ...(facts.programs ? checkProgramLibraries(facts.programs, t) : []),
  ];
  const exitCode = exitCodeFor(results);
  return { results, exitCode, verdict: verdict(facts, exitCode, serverUsable, dockerAnswers, t) };
}

/**
 * acquireRedis() falls back to Docker only when redis-server is absent from
 * PATH or too old there; a binary the person named that does not work is an error.
 */
function dockerMayStandIn(fact: RedisServerFact): boolean {
  return fact.state === 'missing' || (fact.state === 'found' && fact.source === 'path');
}

function verdict(facts: DoctorFacts, exitCode: number, serverUsable: boolean, dockerAnswers: boolean, texts: DoctorTexts): string {
  const t = texts.verdict;
  if (exitCode !== 0) return t.cannotRun;
  const redis =
    facts.url.state === 'reachable' && urlUsable(facts.url)
      ? t.urlRedis(facts.url.kind === 'valkey' ? 'Valkey' : 'Redis', facts.url.where)
      : serverUsable && facts.redisServer.state === 'found'
        ? t.privateServer(serverBinaryName(facts.redisServer.kind ?? 'redis'), facts.redisServer.version)
        : dockerAnswers
          ? t.docker
          : t.some;
  return t.canRun(redis);
}
