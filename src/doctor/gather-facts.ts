import type { Io } from '../io.js';
import type { DoctorFacts } from './doctor-facts.js';
import { probeRedisCli, probeRedisServer } from './probes/binary-probes.js';
import { probeCourse } from './probes/course-probe.js';
import { probeDocker } from './probes/docker-probe.js';
import { probePrograms } from './probes/program-probe.js';
import { probeProgress } from './probes/progress-probe.js';
import { probeTerminal } from './probes/terminal-probe.js';
import { probeUrl } from './probes/url-probe.js';

export interface DoctorRequest {
  /** --url, else REDIS_URL. */
  url?: string;
  /** --redis-server (REDIS_SERVER_BIN is read from io.env, as acquireRedis does). */
  redisServerBin?: string;
  io: Io;
  /** --course; else REDIS_TUTOR_COURSE of io.env, else the bundled course. */
  course?: string;
  /** Where claims on --url databases are recorded; default: the tutor's own record. */
  ownershipFile?: string;
  /** --python and --node: the interpreters of program answers (else REDIS_TUTOR_PYTHON / REDIS_TUTOR_NODE, else python3 and this Node.js). */
  python?: string;
  node?: string;
}

/** The slow parts (docker, the URL, the course) run side by side, so doctor takes as long as the slowest one. */
export async function gatherFacts(request: DoctorRequest): Promise<DoctorFacts> {
  const { io } = request;
  const [redisServer, redisCli, docker, url, course, programs] = await Promise.all([
    probeRedisServer({ ...(request.redisServerBin ? { explicitPath: request.redisServerBin } : {}), env: io.env, cwd: io.cwd }),
    probeRedisCli(io.env),
    probeDocker(io.env),
    probeUrl(request.url, request.ownershipFile ? { ownershipFile: request.ownershipFile } : {}),
    probeCourse(io.env, io.cwd, request.course),
    probePrograms({ python: request.python, node: request.node }, io.env),
  ]);
  return {
    nodeVersion: process.versions.node,
    redisServer,
    redisCli,
    docker,
    url,
    terminal: probeTerminal(io),
    progress: probeProgress(io.env),
    course,
    programs,
  };
}
