#!/usr/bin/env bash
# Container audit benchmark: throughput of every container check (CIS 4.1 and section 5) on N generated container
# configurations in one JVM, in configurations per second (target: 5,000/s or more). The inputs' readers (Compose,
# Kubernetes, docker inspect) and the cold start of `plimsoll audit` are added to this script as they land.
# usage: bench/audit.sh [--passes N] [CONFIGS]   (default: 1000 configurations, 15 passes)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
passes=15
while [ $# -gt 0 ]; do
  case $1 in
    --passes) passes=$2; shift 2 ;;
    *) break ;;
  esac
done
configs=${1:-1000}
plimsoll=$root/bin/plimsoll
"$plimsoll" --version >/dev/null   # builds the jar outside the measurement
# shellcheck source=../bin/jdk.sh
. "$root/bin/jdk.sh"
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "$root/plimsoll-cli/target/plimsoll.jar" "$root/bench/AuditThroughput.java" \
  "$configs" "$passes"
