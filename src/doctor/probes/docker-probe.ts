import { findOnPath } from '../../redis/find-redis-server.js';
import type { DockerFact } from '../doctor-facts.js';
import { runQuietly } from './run-quietly.js';

/** Long enough for a running engine to answer, short enough that a missing one does not stall doctor. */
export const DOCKER_TIMEOUT_MS = 3_000;

/** The CLI alone is not enough: the Docker fallback needs an engine that answers `docker version`. */
export async function probeDocker(env: NodeJS.ProcessEnv, timeoutMs = DOCKER_TIMEOUT_MS): Promise<DockerFact> {
  const path = findOnPath('docker', env);
  if (!path) return { state: 'missing' };
  const run = await runQuietly(path, ['version', '--format', '{{.Server.Version}}'], env, timeoutMs);
  const serverVersion = run.stdout.trim();
  if (run.ok && serverVersion !== '') return { state: 'answering', path, serverVersion };
  return { state: 'no-engine', path, reason: run.failure || 'it printed no server version' };
}
