import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findOnPath } from '../../../src/redis/find-redis-server.js';

export interface FakeDocker {
  /** A directory holding only `docker`: put it on PATH without redis-server. */
  binDir: string;
  /** Every invocation's arguments, in order. */
  calls(): string[][];
  /** pids of the redis-servers standing in for running containers. */
  runningContainerPids(): number[];
  /** Kills whatever the test left running. */
  cleanUp(): void;
}

/**
 * A `docker` client script. It is fake; the Redis behind it is not: `run`
 * starts a real redis-server with the arguments the product passed to the
 * image (plus loopback/daemon settings), `rm -f` kills it.
 */
export function createFakeDocker(root: string, options: { engineAnswers: boolean }): FakeDocker {
  const binDir = join(root, 'bin');
  const state = join(root, 'state');
  mkdirSync(binDir, { recursive: true });
  mkdirSync(state, { recursive: true });
  const redisServer = findOnPath('redis-server', process.env);
  if (!redisServer) throw new Error('the fake docker needs a real redis-server on PATH');
  const script = `#!/bin/sh
PATH=/usr/bin:/bin
state='${state}'
{ for a in "$@"; do printf '%s\\t' "$a"; done; printf '\\n'; } >> "$state/calls"
case "$1" in
  version)
    ${options.engineAnswers ? 'echo 27.0.0-fake' : 'echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock." >&2; exit 1'} ;;
  run)
    shift
    name= port=
    while [ $# -gt 0 ]; do
      case "$1" in
        -d|--rm) ;;
        --name) name=$2; shift ;;
        --label) shift ;;
        -p) hp=\${2#127.0.0.1:}; port=\${hp%%:*}; shift ;;
        *) break ;;
      esac
      shift
    done
    shift; shift   # the image and "redis-server"
    mkdir -p "$state/$name"
    '${redisServer}' "$@" --port "$port" --bind 127.0.0.1 --daemonize yes --pidfile "$state/$name.pid" --dir "$state/$name" --logfile "$state/$name.log" || exit 125
    echo "fake-container-$name" ;;
  rm)
    name=$3
    if [ -f "$state/$name.pid" ]; then kill -9 "$(cat "$state/$name.pid")" 2>/dev/null; rm -f "$state/$name.pid"; fi
    echo "$name" ;;
esac
`;
  writeFileSync(join(binDir, 'docker'), script);
  chmodSync(join(binDir, 'docker'), 0o755);

  const pidFiles = () => readdirSync(state).filter((f) => f.endsWith('.pid')).map((f) => join(state, f));
  const pidsOf = (files: string[]) => files.map((f) => Number(readFileSync(f, 'utf8').trim())).filter((pid) => pid > 0);
  return {
    binDir,
    calls: () =>
      existsSync(join(state, 'calls'))
        ? readFileSync(join(state, 'calls'), 'utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => line.split('\t').slice(0, -1))
        : [],
    runningContainerPids: () => pidsOf(pidFiles()),
    cleanUp: () => {
      for (const pid of pidsOf(pidFiles())) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    },
  };
}
