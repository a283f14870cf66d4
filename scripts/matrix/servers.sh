#!/usr/bin/env bash
# Brings the compatibility matrix's servers onto this machine, each in a
# private prefix (Debian's valkey packages conflict with redis-server):
#   - Valkey 8: the binary package from Debian's bookworm-backports;
#   - Redis 8: the upstream source that Debian trixie's `redis` source package
#     ships as its orig tarball, built with `make BUILD_TLS=no MALLOC=libc`.
# The Debian mirror is read from this machine's own apt sources, never written
# here. What was fetched or built stays in the cache folder, so a reused
# machine skips the download and the build.
#
# Usage: scripts/matrix/servers.sh [CACHE_DIR]
# Prints one line per server: NAME<TAB>PATH-TO-SERVER-BINARY
set -euo pipefail

cache="${1:-${REDIS_TUTOR_MATRIX_CACHE:-$HOME/.cache/redis-tutor-matrix}}"
mkdir -p "$cache"

# The first Debian archive this machine's apt already uses (deb822 or one-line format).
mirror() {
  local found=""
  if compgen -G '/etc/apt/sources.list.d/*.sources' >/dev/null; then
    found=$(awk 'tolower($1)=="uris:" { for (i = 2; i <= NF; i++) print $i }' /etc/apt/sources.list.d/*.sources |
      grep -E '/debian/?$' | head -n 1 || true)
  fi
  if [ -z "$found" ] && [ -f /etc/apt/sources.list ]; then
    found=$(awk '$1=="deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|ftp):/) { print $i; break } }' /etc/apt/sources.list |
      grep -E '/debian/?$' | head -n 1 || true)
  fi
  if [ -z "$found" ]; then
    echo "matrix: no Debian archive in /etc/apt/sources.list(.d); add one, or put the servers in $cache by hand" >&2
    exit 2
  fi
  echo "${found%/}"
}

# apt with its own sources, lists and cache under $cache, so the machine's apt state is untouched.
apt_private() {
  local state="$cache/apt"
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial"
  apt-get -q -o APT::Sandbox::User=root -o Dir::Etc::SourceList="$state/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::State::Lists="$state/lists" -o Dir::Cache="$state/cache" "$@"
}

apt_ready=""
prepare_apt() {
  [ -n "$apt_ready" ] && return
  local archive
  archive=$(mirror)
  printf 'deb %s bookworm-backports main\ndeb-src %s trixie main\n' "$archive" "$archive" >"$cache/apt/sources.list" 2>/dev/null ||
    { mkdir -p "$cache/apt" && printf 'deb %s bookworm-backports main\ndeb-src %s trixie main\n' "$archive" "$archive" >"$cache/apt/sources.list"; }
  apt_private update >&2
  apt_ready=1
}

valkey() {
  local prefix="$cache/valkey-8"
  local binary="$prefix/usr/bin/valkey-server"
  if [ ! -x "$binary" ]; then
    prepare_apt
    local work
    work=$(mktemp -d)
    (cd "$work" && apt_private download valkey-tools valkey-server >&2)
    rm -rf "$prefix"
    for deb in "$work"/valkey-*.deb; do dpkg -x "$deb" "$prefix"; done
    rm -rf "$work"
  fi
  printf 'valkey-8\t%s\n' "$binary"
}

redis8() {
  local prefix="$cache/redis-8"
  local binary="$prefix/bin/redis-server"
  if [ ! -x "$binary" ]; then
    prepare_apt
    local work
    work=$(mktemp -d)
    # Only the orig tarball is needed: the Debian parts of a point release may be missing from a mirror.
    (cd "$work" && apt_private source --download-only redis >&2) || true
    local tarball
    tarball=$(ls "$work"/redis_8.*.orig.tar.gz 2>/dev/null | head -n 1 || true)
    if [ -z "$tarball" ]; then
      echo "matrix: trixie's redis source package brought no orig tarball of Redis 8" >&2
      exit 1
    fi
    mkdir -p "$work/src"
    tar -xzf "$tarball" -C "$work/src" --strip-components=1
    make -C "$work/src" -j"$(nproc)" BUILD_TLS=no MALLOC=libc >"$work/build.log" 2>&1 ||
      { tail -n 40 "$work/build.log" >&2; exit 1; }
    mkdir -p "$prefix/bin"
    cp "$work/src/src/redis-server" "$prefix/bin/redis-server"
    rm -rf "$work"
  fi
  printf 'redis-8\t%s\n' "$binary"
}

mkdir -p "$cache/apt"
valkey
redis8
