#!/usr/bin/env bash
# Secret scanning throughput on a generated in-memory tree: bench/secrets.sh [MB] [THREADS]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
. "$root/bin/jdk.sh"
cd "$root"
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -q -B -ntp -pl plimsoll-check-secrets compile dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "plimsoll-check-secrets/target/classes:$(cat "$cp_file")" bench/SecretsThroughput.java "$@"
