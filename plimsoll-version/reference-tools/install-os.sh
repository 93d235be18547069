#!/usr/bin/env bash
# Reference tools for the dpkg and rpm differential tests in plimsoll-version:
#   - dpkg: `dpkg --compare-versions` (DpkgDifferentialTest); present on every Debian system, listed for clarity;
#   - python3-apt: apt_pkg.version_compare under /usr/bin/python3, for the 50,000-pair dpkg batches;
#   - rpm: rpm 4.18's Lua rpm.vercmp through `rpm --eval` (RpmDifferentialTest).
# apk needs nothing: apk-tools is not packaged in Debian, so the apk tests use hand-checked tables and properties.
# Idempotent: installs only what is missing, quietly. Run as root (CI is root) or with sudo available.
set -euo pipefail

packages=(dpkg python3-apt rpm)
missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
