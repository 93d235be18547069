#!/usr/bin/env bash
# End-to-end secret scanning: `plimsoll secrets` on a generated tree of mixed files written to disk (default 1 GiB:
# source in several languages, configs, lockfiles, Markdown, minified and binary files, planted fakes), then
# `plimsoll image --scanners secret` on each bench image. Prints wall time, MB/s and peak RSS (JVM start included).
# usage: bench/secrets-tree.sh [--mb N] [--runs N] [--no-images]      (tree kept in $PLIMSOLL_BENCH_TREE or /tmp)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
mb=1024 runs=3 images=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --no-images) images=no; shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "bench/secrets-tree.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v /usr/bin/time >/dev/null || { echo "bench/secrets-tree.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
# shellcheck source=../bin/jdk.sh
. "$root/bin/jdk.sh"
tree=${PLIMSOLL_BENCH_TREE:-/tmp/plimsoll-secrets-tree-$mb}
if [ ! -f "$tree/.complete" ]; then
  rm -rf "$tree"
  mkdir -p "$tree"
  cp_file=$(mktemp)
  (cd "$root" && mvn -q -B -ntp -pl plimsoll-check-secrets -am install -DskipTests >/dev/null \
    && mvn -q -B -ntp -pl plimsoll-check-secrets dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null)
  "$JAVA_HOME/bin/java" -cp "$root/plimsoll-check-secrets/target/classes:$(cat "$cp_file")" \
    "$root/bench/SecretsThroughput.java" --write "$tree" "$mb"
  rm -f "$cp_file"
  touch "$tree/.complete"
fi
bytes=$(du -sb --exclude=.complete "$tree" | cut -f1)
"$root/bin/plimsoll" --version >/dev/null   # builds the jar outside the measurement

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
measure() {  # measure LABEL BYTES CMD... -> label, min and median wall seconds, MB/s at the min, max peak RSS MiB
  local label=$1 size=$2; shift 2
  local i times=() rss=0 t m
  "$@" >/dev/null 2>&1 || true   # warm-up: page cache
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f '%e %M' -o "$tmp" "$@" >/dev/null 2>&1 || true
    read -r t m <"$tmp"
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  min=$(echo "$sorted" | head -1)
  median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
  if [ "$size" -gt 0 ]; then
    rate=$(awk -v b="$size" -v s="$min" 'BEGIN { printf "%.0f MB/s", b / 1e6 / s }')
  else
    rate="-"
  fi
  printf '%-34s min %6.2f s  median %6.2f s  %10s  peak RSS %5d MiB\n' "$label" "$min" "$median" "$rate" \
    $((rss / 1024))
}
echo "tree: $tree, $(awk -v b="$bytes" 'BEGIN { printf "%.0f MB", b / 1e6 }'), $(find "$tree" -type f | wc -l) files; $(nproc) cores"
measure "plimsoll secrets (tree)" "$bytes" "$root/bin/plimsoll" secrets -q --exit-code 0 -f json -o /dev/null "$tree"
if [ "$images" = yes ]; then
  out=$("$root/bench/images.sh" "${PLIMSOLL_BENCH_DIR:-$root/bench/out}")
  for f in "$out"/images/*.tar; do
    size=$(stat -c %s "$f")
    measure "image --scanners secret $(basename "$f" .tar)" "$size" "$root/bin/plimsoll" image -q --scanners secret \
      -f json -o /dev/null "$f"
  done
fi
