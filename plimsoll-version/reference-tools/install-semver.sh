#!/usr/bin/env bash
# Installs node-semver, the reference implementation of the semver/npm/Cargo-order differential tests
# (SemverReferenceTest), into a git-ignored directory: by default plimsoll-version/target/node-semver, or the
# directory given as $1. The tests look there, or where -Dplimsoll.nodeSemver=<dir> / PLIMSOLL_NODE_SEMVER point.
# Needs node and npm on PATH (Debian/Ubuntu: apt-get install nodejs npm). Idempotent: does nothing when the pinned
# version is already installed there.
set -euo pipefail

SEMVER_VERSION=7.8.6
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:-$here/../target/node-semver}"

for tool in node npm; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "install-semver.sh: $tool not found; install it first (apt-get install nodejs npm)" >&2
        exit 1
    fi
done

installed="$dir/node_modules/semver/package.json"
if [ -f "$installed" ] && node -e 'process.exit(require(process.argv[1]).version === process.argv[2] ? 0 : 1)' \
        "$installed" "$SEMVER_VERSION"; then
    exit 0
fi

mkdir -p "$dir"
npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "semver@$SEMVER_VERSION" >/dev/null
node -e 'require(process.argv[1])' "$dir/node_modules/semver"
