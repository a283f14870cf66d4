#!/usr/bin/env bash
# The compatibility matrix: validate --solutions and the engine and grade
# integration tests on every server a learner may have — Redis 7.0 (Debian's,
# on PATH), Redis 8 and Valkey 8 (from scripts/matrix/servers.sh). Each server
# is put first on PATH as `redis-server` (Valkey runs as a server under that
# name, as Debian's valkey-redis-compat package does), so the tutor and the
# tests start it exactly as they start Debian's.
# Needs `npm run build` first (validate runs the built bin).
set -euo pipefail
cd "$(dirname "$0")/../.."

servers=$(bash scripts/matrix/servers.sh)
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
    test/grade/hostile-server.test.ts test/tutor/tutor-controller.test.ts
}

run_on redis-7.0 "$(command -v redis-server)"
while IFS=$'\t' read -r name binary; do
  run_on "$name" "$binary"
done <<<"$servers"
