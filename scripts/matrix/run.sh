#!/usr/bin/env bash
# The compatibility matrix: validate --solutions and the engine and grade
# integration tests on the servers a learner may have beside Debian's Redis
# 7.0 (which `npm test` uses): Redis 8 and Valkey 8 (scripts/matrix/servers.sh). Each server
# is put first on PATH as `redis-server` (Valkey runs as a server under that
# name, as Debian's valkey-redis-compat package does), so the tutor and the
# tests start it exactly as they start Debian's.
# Needs `npm run build` first (validate runs the built bin).
set -euo pipefail
cd "$(dirname "$0")/../.."

servers=$(bash scripts/matrix/servers.sh)
# Program exercises run their Python solutions: use a python3 that has redis-py (Debian's, from python3-redis).
if [ -z "${REDIS_TUTOR_PYTHON:-}" ] && ! python3 -c 'import redis' 2>/dev/null && /usr/bin/python3 -c 'import redis' 2>/dev/null; then
  export REDIS_TUTOR_PYTHON=/usr/bin/python3
fi
bins=$(mktemp -d)
trap 'rm -rf "$bins"' EXIT

run_on() {
  local name="$1" binary="$2"
  local dir="$bins/$name"
  mkdir -p "$dir"
  ln -s "$binary" "$dir/redis-server"
  echo "== matrix: $name ($("$dir/redis-server" --version | cut -d' ' -f1-3))"
  # Only what did not pass, and the summary.
  PATH="$dir:$PATH" node bin/redis-tutor.js validate --solutions | grep -v "^ok "
  PATH="$dir:$PATH" npx vitest run test/engine test/grade/reference-solutions.test.ts test/grade/example-submission.test.ts \
    test/grade/hostile-server.test.ts test/grade/program-answers.test.ts test/tutor test/doctor/doctor-server-name.test.ts
}

# Debian's Redis 7.0 is the one on PATH: `npm test` has run all of this on it already.
while IFS=$'\t' read -r name binary; do
  run_on "$name" "$binary"
done <<<"$servers"
