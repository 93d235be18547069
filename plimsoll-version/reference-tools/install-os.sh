#!/usr/bin/env bash
# Reference tools for the dpkg and rpm differential tests in plimsoll-version:
#   - dpkg: `dpkg --compare-versions` (DpkgDifferentialTest); present on every Debian system, listed for clarity;
#   - python3-apt: apt_pkg.version_compare under /usr/bin/python3, for the 50,000-pair dpkg batches;
#   - rpm: rpm 4.18's Lua rpm.vercmp through `rpm --eval` (RpmDifferentialTest).
# apk needs nothing: apk-tools is not packaged in Debian, so the apk tests use hand-checked tables and properties.
# Idempotent: installs only what is missing, quietly. Run as root (CI is root) or with sudo available.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/apt-install-missing.sh" dpkg python3-apt rpm
