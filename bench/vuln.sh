#!/usr/bin/env bash
# Vulnerability-database benchmark: build time and size of a DB from ../shared/vulndata, open + match time for an
# SBOM of 2,000 packages (in-process figures from --debug, JVM start excluded), and the wall time and peak RSS of
# `plimsoll image` end to end (JVM start included) on bench images.
# usage: bench/vuln.sh [--runs N] [VULNDATA_DIR]   (default: ../shared/vulndata)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
runs=5
if [ "${1:-}" = --runs ]; then runs=$2; shift 2; fi
data=${1:-$root/../shared/vulndata}
[ -d "$data" ] || { echo "bench/vuln.sh: no vulnerability data at $data" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "bench/vuln.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
plimsoll=$root/bin/plimsoll
"$plimsoll" --version >/dev/null   # builds the jar outside the measurement

db=$work/vuln.db
/usr/bin/time -o "$work/t" -f '%e %M' "$plimsoll" db build -q --from "$data" --db "$db"
read -r secs rss < <(tail -1 "$work/t")
printf 'db build from %s: %.2f s wall, peak RSS %d MiB, file %s\n' "$data" "$secs" $((rss / 1024)) \
  "$(du -h --apparent-size "$db" | cut -f1)"

# 2,000 packages: every Debian source the DSA list names for bullseye at version 0 (so all its DSAs match), plus
# language packages from the OSV records at their first affected versions; the rest fillers that match nothing.
python3 - "$data" "$work/sbom.json" <<'PY'
import glob, json, os, re, sys
data, out = sys.argv[1], sys.argv[2]
purls = []
for line in open(os.path.join(data, "debian", "DSA.list"), encoding="utf-8"):
    m = re.match(r"\s+\[bullseye\] - (\S+) ", line)
    if m:
        purls.append("pkg:deb/debian/%s@0.1-1?distro=debian-11" % m.group(1))
purls = sorted(set(purls))
for eco, typ in (("PyPI", "pypi"), ("Go", "golang"), ("crates.io", "cargo")):
    for f in sorted(glob.glob(os.path.join(data, "osv", eco, "*.json")))[:300]:
        rec = json.load(open(f, encoding="utf-8"))
        for a in rec.get("affected", [])[:1]:
            vs = a.get("versions") or []
            if vs:
                name = a["package"]["name"]
                purls.append("pkg:%s/%s@%s" % (typ, name.replace("/", "%2F") if typ != "golang" else name, vs[0]))
i = 0
while len(purls) < 2000:
    purls.append("pkg:npm/plimsoll-bench-filler-%d@1.0.%d" % (i, i))
    i += 1
bom = {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
       "components": [{"type": "library", "bom-ref": "c%d" % n, "name": p.split("/")[-1].split("@")[0],
                       "purl": p} for n, p in enumerate(purls[:2000])]}
json.dump(bom, open(out, "w"))
PY
# The same 2,000 packages at versions newer than every fix: the usual case of a scan, most packages unaffected.
python3 - "$work/sbom.json" "$work/sbom-current.json" <<'PY'
import json, sys
bom = json.load(open(sys.argv[1]))
for c in bom["components"]:
    p = c["purl"]
    if p.startswith("pkg:deb/"):
        p = p.replace("@0.1-1?", "@99:1.0-1?")
    elif p.startswith("pkg:golang/"):
        p = p.split("@")[0] + "@v99.0.0"
    elif p.startswith(("pkg:pypi/", "pkg:cargo/")):
        p = p.split("@")[0] + "@99.0.0"
    c["purl"] = p
json.dump(bom, open(sys.argv[2], "w"))
PY
# In-process figures, from --debug: a fresh JVM each run, so they include JIT warm-up.
for sbom in sbom sbom-current; do
  for ((i = 0; i < runs; i++)); do
    { "$plimsoll" sbom scan --debug --db "$db" -f json -o /dev/null "$work/$sbom.json" 2>&1 || true; } \
      | sed -n 's/.*database opened in \([0-9]*\) us.*/\1/p; s/.*matched 2000 packages in \([0-9]*\) us: \([0-9]*\) vuln.*/\1 \2/p' \
      | tr '\n' ' '
    echo
  done | awk -v label="$sbom" '{printf "open + match 2,000 packages (%s, fresh JVM): open %.1f ms, match %.0f ms, %d findings\n", label, $1 / 1000, $2 / 1000, $3}'
done

. "$root/bin/jdk.sh"
for sbom in sbom sbom-current; do
  "$JAVA_HOME/bin/java" -cp "$root/plimsoll-cli/target/plimsoll.jar" "$root/bench/MatchWarm.java" \
    "$work/$sbom.json" "$db" 60 | sed "s/^/open + match 2,000 packages ($sbom, warm JVM): /"
done

measure() {  # measure LABEL CMD... -> label, min and median wall seconds, max peak RSS MiB
  local label=$1; shift
  local i times=() rss=0 t m line
  "$@" >/dev/null 2>&1 || true
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -o "$work/t" -f '%e %M' "$@" >/dev/null 2>&1 || true
    line=$(tail -1 "$work/t")
    t=${line% *} m=${line#* }
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%-44s min %6.3f s  median %6.3f s  peak RSS %5d MiB\n' "$label" \
    "$(printf '%s\n' "${times[@]}" | sort -n | head -1)" \
    "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" $((rss / 1024))
}
images=$("$root/bench/images.sh" "${PLIMSOLL_BENCH_DIR:-$root/bench/out}")/images
measure "plimsoll image demo-image.tar" "$plimsoll" image -q --db "$db" -o /dev/null "$root/samples/demo-image.tar"
for name in debian-bookworm java-app; do
  measure "plimsoll image $name.tar" "$plimsoll" image -q --db "$db" -o /dev/null "$images/$name.tar"
done
