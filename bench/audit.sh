#!/usr/bin/env bash
# Container audit benchmark (target: 5,000 targets per second or more). In one JVM after warm-up: every container
# check (CIS 4.1 and section 5) on CONFIGS generated container configurations, then the whole `plimsoll audit
# compose` command on a generated file of CONFIGS services and `plimsoll audit k8s` on CONFIGS Deployments, as table
# and as JSON (targets per second). Then each command once more as its own process, JVM start included, and the cold
# start of `plimsoll audit run` on one docker run line (wall time, peak RSS).
# The first half of the passes is warm-up: the JIT goes on compiling this much code (YAML, the checks, the report)
# for some twenty passes of a thousand targets, about five seconds; JMH's default warm-up is fifty.
# usage: bench/audit.sh [--passes N] [CONFIGS]   (default: 1000 configurations, 40 passes)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
passes=40
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
command -v /usr/bin/time >/dev/null || { echo "bench/audit.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  echo "x-hardening: &hardening"
  echo "  read_only: true"
  echo "  cap_drop: [ALL]"
  echo "  security_opt: [\"no-new-privileges:true\"]"
  echo "services:"
  for ((i = 0; i < configs; i++)); do
    echo "  svc$i:"
    echo "    <<: *hardening"
    echo "    image: registry.example.com/team/svc$i:1.$i"
    echo "    user: \"10$((i % 10)):10$((i % 10))\""
    echo "    ports: [\"127.0.0.1:$((20000 + i)):8080\"]"
    echo "    mem_limit: 256m"
    [ $((i % 7)) -eq 0 ] && echo "    privileged: true"
    [ $((i % 11)) -eq 0 ] && echo "    network_mode: host"
  done
} >"$work/compose.yaml"
for ((i = 0; i < configs; i++)); do
  cat <<YAML
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: app$i, namespace: team$((i % 5))}
spec:
  template:
    spec:
      containers:
        - name: app
          image: registry.example.com/team/app$i:1.$i
          securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: $([ $((i % 3)) -eq 0 ] && echo true || echo false)}
          resources: {limits: {memory: 256Mi, cpu: 500m}}
YAML
done >"$work/k8s.yaml"
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -cp "$root/plimsoll-cli/target/plimsoll.jar" "$root/bench/AuditThroughput.java" \
  "$configs" "$passes" "$work/compose.yaml" "$work/k8s.yaml"
timed() {  # timed LABEL N CMD... -> wall seconds, targets per second, peak RSS
  local label=$1 n=$2; shift 2
  "$@" >/dev/null 2>&1 || true   # warm-up: page cache
  /usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1 || true
  read -r t m <"$work/t"
  awk -v l="$label" -v n="$n" -v t="$t" -v m="$m" \
    'BEGIN { printf "%-40s %6.2f s  %8.0f per second  peak RSS %4d MiB\n", l, t, n / t, m / 1024 }'
}
timed "audit compose ($configs services)" "$configs" "$plimsoll" audit compose -q -f json -o "$work/report.json" "$work/compose.yaml"
timed "audit k8s ($configs Deployments)" "$configs" "$plimsoll" audit k8s -q -f json -o "$work/report.json" "$work/k8s.yaml"
timed "audit run (one line: cold start)" 1 "$plimsoll" audit run -q -f json --line "docker run -d nginx:1.27"
