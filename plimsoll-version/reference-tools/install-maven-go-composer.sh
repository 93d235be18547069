#!/usr/bin/env bash
# Reference tools for the Maven, Go-module and Composer differential tests in plimsoll-version:
#   - golang-go + golang-golang-x-mod-dev: golang.org/x/mod source under /usr/share/gocode/src, compiled offline
#     at test time into a small Compare/IsValid/IsPseudoVersion oracle (GoSemverReferenceTest);
#   - php-cli + php-composer-semver: composer/semver under /usr/share/php/Composer/Semver, driven by a PHP script
#     at test time (ComposerReferenceTest).
# Maven needs nothing here: org.apache.maven:maven-artifact comes from Maven Central as a dependency.
# Idempotent and quiet: installs only what is missing. Run as root (CI is) or with sudo available.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/apt-install-missing.sh" golang-go golang-golang-x-mod-dev php-cli php-composer-semver
