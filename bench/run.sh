#!/usr/bin/env bash
# End-to-end benchmark: wall time and peak RSS of `plimsoll sbom` on each bench image (JVM start included, warm
# page cache, AOT cache trained), and the same for Trivy when a `trivy` binary is on PATH.
# usage: bench/run.sh [--runs N] [--big] [--oci] [NAME...]
#   --big   also build and measure big-layers (100,000 small files and 3 x 400 MiB layers; RSS must stay flat)
#   --oci   measure the OCI layouts (gzip layers) instead of the docker-archive tars
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
runs=5 big="" kind=tar names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --big) big=--big; shift ;;
    --oci) kind=oci; shift ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) names+=("$1"); shift ;;
  esac
done
command -v /usr/bin/time >/dev/null || { echo "bench/run.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
out=$("$root/bench/images.sh" "${PLIMSOLL_BENCH_DIR:-$root/bench/out}")
images=$out/images
if [ ${#names[@]} -eq 0 ]; then
  for f in "$images"/*.tar; do names+=("$(basename "$f" .tar)"); done
fi
bigimages=""
if [ -n "$big" ]; then
  bigimages=$("$root/bench/images.sh" "${PLIMSOLL_BENCH_DIR:-$root/bench/out}/big" --big)/images
  names+=(big-layers)
fi
dir_of() { if [ "$1" = big-layers ]; then echo "$bigimages"; else echo "$images"; fi; }

"$root/bin/plimsoll" --version >/dev/null   # builds the jar and trains the AOT cache outside the measurement

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
measure() {  # measure LABEL CMD... -> one line: label, min and median wall seconds, max peak RSS MiB
  local label=$1; shift
  local i times=() rss=0 t m line
  "$@" >/dev/null 2>&1 || true   # warm-up: page cache, caches
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -o "$tmp" -f '%e %M' "$@" >/dev/null 2>&1 || true
    line=$(tail -1 "$tmp")
    t=${line% *} m=${line#* }
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%-34s min %6.3f s  median %6.3f s  peak RSS %5d MiB\n' "$label" \
    "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" $((rss / 1024))
}

echo "plimsoll $("$root/bin/plimsoll" --version | awk '{print $2}'), $(nproc) cores, $runs runs each, $(date -u +%F)"
for name in "${names[@]}"; do
  file=$(dir_of "$name")/$name.$kind
  target=$file
  [ "$kind" = oci ] && target=oci:$file:1
  size=$(du -sh --apparent-size "$file" | cut -f1)
  measure "plimsoll sbom $name.$kind ($size)" "$root/bin/plimsoll" sbom -q "$target" -o /dev/null
  if command -v trivy >/dev/null; then
    measure "trivy sbom $name.$kind" trivy image --quiet --format cyclonedx --input "$file" -o /dev/null
  fi
done
