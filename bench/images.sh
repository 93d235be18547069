#!/usr/bin/env bash
# Builds the bench images (../shared/bench/images/build.sh) and their ground truth (truth.sh) into OUTDIR, or
# reuses them when OUTDIR already holds a complete build made by the same version of those scripts.
# usage: bench/images.sh OUTDIR          -> OUTDIR/images/NAME.{tar,oci}, OUTDIR/truth/NAME.*.tsv
#        bench/images.sh OUTDIR --big    -> OUTDIR/images/big-layers.{tar,oci} only (no truth: it is for RSS)
set -euo pipefail
out=${1:?usage: bench/images.sh OUTDIR [--big]}
big=${2:-}
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
shared=${PLIMSOLL_SHARED:-$root/../shared}
src=$shared/bench/images
[ -x "$src/build.sh" ] || { echo "bench/images.sh: $src/build.sh not found (set PLIMSOLL_SHARED)" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "bench/images.sh: building the bench images needs root (debootstrap, chroot)" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)
# The scripts' own digest decides whether an earlier build can be reused.
want=$(cat "$src"/*.sh "$src"/*.py "$src"/*.artifacts | sha256sum | cut -c1-16)${big:+-big}
if [ "$(cat "$out/.stamp" 2>/dev/null)" != "$want" ]; then
  rm -rf "$out/images" "$out/truth" "$out/.stamp"
  echo "bench/images.sh: building the bench images into $out/images (about 3 minutes)" >&2
  if [ -n "$big" ]; then
    bash "$src/build.sh" "$out/images" --only big-layers --big >&2
  else
    bash "$src/build.sh" "$out/images" >&2
    echo "bench/images.sh: deriving their ground truth into $out/truth" >&2
    bash "$src/truth.sh" "$out/images" "$out/truth" >&2
  fi
  echo "$want" >"$out/.stamp"
fi
echo "$out"
