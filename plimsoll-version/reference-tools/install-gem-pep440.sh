#!/usr/bin/env bash
# Installs the reference implementations the gem and PEP 440 differential tests compare against: Ruby (its
# bundled RubyGems supplies Gem::Version and Gem::Requirement) and Debian's python3-packaging (used through
# /usr/bin/python3, never a pyenv or virtualenv Python). Idempotent and quiet; run as root or with sudo available.
set -euo pipefail
if command -v ruby >/dev/null 2>&1 && /usr/bin/python3 -c 'import packaging.specifiers' >/dev/null 2>&1; then
  exit 0
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/apt-install-missing.sh" ruby python3-packaging
