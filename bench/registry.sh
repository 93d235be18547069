#!/usr/bin/env bash
# Registry scans and the layer cache: starts the distribution registry (docker-registry) on 127.0.0.1, pushes the
# java-app bench image with skopeo and a copy of it with one more layer (java-app-plus: shares all java-app
# layers), then times `plimsoll image` from the registry: cold cache, warm cache, and java-app-plus after java-app.
# Prints wall times (medians of PLIMSOLL_BENCH_COLD_RUNS=3 cold and PLIMSOLL_BENCH_WARM_RUNS=5 warm scans), how many
# layer blobs each scan downloaded, and what came from the cache.
# usage: bench/registry.sh [IMAGES_DIR]   (default: the images bench/images.sh builds under bench/out)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
images=${1:-}
if [ -z "$images" ]; then
  images=$("$root/bench/images.sh" "${PLIMSOLL_BENCH_DIR:-$root/bench/out}")/images
fi
for tool in docker-registry skopeo python3; do
  command -v "$tool" >/dev/null || { echo "bench/registry.sh: needs $tool (apt-get install docker-registry skopeo)" >&2; exit 1; }
done
"$root/bin/plimsoll" --version >/dev/null   # builds the jar and trains the AOT cache outside the measurement

work=$(mktemp -d)
registry_pid=""
cleanup() {
  if [ -n "$registry_pid" ]; then kill "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cat >"$work/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $work/storage
http:
  addr: 127.0.0.1:$port
YAML
docker-registry serve "$work/config.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done
host=127.0.0.1:$port

# java-app as skopeo pushes it (gzip layers), and java-app-plus: the same layers and one more
skopeo copy -q "docker-archive:$images/java-app.tar" "docker://$host/bench/java-app:1" --dest-tls-verify=false
skopeo copy -q "docker://$host/bench/java-app:1" "oci:$work/plus:1" --src-tls-verify=false
python3 - "$work/plus" <<'PY'
import gzip, hashlib, io, json, os, sys, tarfile
layout = sys.argv[1]
def blob_path(d): return os.path.join(layout, "blobs", *d.split(":"))
def put(data):
    d = "sha256:" + hashlib.sha256(data).hexdigest()
    with open(blob_path(d), "wb") as f: f.write(data)
    return d, len(data)
index = json.load(open(os.path.join(layout, "index.json")))
desc = index["manifests"][0]
manifest = json.load(open(blob_path(desc["digest"])))
config = json.load(open(blob_path(manifest["config"]["digest"])))
raw = io.BytesIO()
with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
    content = b"one more layer\n"
    info = tarfile.TarInfo("opt/extra.txt"); info.size = len(content); info.mtime = 0
    t.addfile(info, io.BytesIO(content))
tar = raw.getvalue()
layer, size = put(gzip.compress(tar, mtime=0))
config["rootfs"]["diff_ids"].append("sha256:" + hashlib.sha256(tar).hexdigest())
config.setdefault("history", []).append({"created_by": "bench/registry.sh: one more layer"})
cdigest, csize = put(json.dumps(config).encode())
manifest["config"].update(digest=cdigest, size=csize)
manifest["layers"].append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer, "size": size})
mdigest, msize = put(json.dumps(manifest).encode())
desc.update(digest=mdigest, size=msize)
json.dump(index, open(os.path.join(layout, "index.json"), "w"))
PY
skopeo copy -q "oci:$work/plus:1" "docker://$host/bench/java-app-plus:1" --dest-tls-verify=false

"$root/bin/plimsoll" db build -q --from "$root/samples/vulndata" --db "$work/vuln.db"
# Each figure is the median of several runs: one start-up on this 2-core VM varies by a tenth or more. Every cold
# run starts from its own empty cache; the warm runs and java-app-plus then use the last cold run's cache.
cold_runs=${PLIMSOLL_BENCH_COLD_RUNS:-3}
warm_runs=${PLIMSOLL_BENCH_WARM_RUNS:-5}
scan() {  # scan LABEL IMAGE RUNS -> one line: label, median wall seconds (all runs), layers downloaded / replayed
  local label=$1 image=$2 runs=$3 start end line times="" run
  for ((run = 1; run <= runs; run++)); do
    [ "$label" = "java-app (cold cache)" ] && export XDG_CACHE_HOME=$work/cache-$run
    start=$(date +%s.%N)
    "$root/bin/plimsoll" image --db "$work/vuln.db" --insecure-registry "$host" --debug -f json \
      -o "$work/$label.json" "$host/$image" 2>"$work/$label.err" || [ $? -le 1 ] || { cat "$work/$label.err" >&2; exit 1; }
    end=$(date +%s.%N)
    times="$times $(awk "BEGIN{printf \"%.2f\", $end - $start}")"
  done
  # layers read from the registry (the last run's): the layer cache's misses; none when the whole analysis was reused
  line=$(grep -o 'layer cache: [0-9]* layers replayed, [0-9]* layers read' "$work/$label.err" || true)
  if [ -n "$line" ]; then
    read -r replayed downloaded < <(echo "$line" | sed -E 's/layer cache: ([0-9]+) layers replayed, ([0-9]+) layers read/\1 \2/')
    how="layers replayed from cache: $replayed"
  else
    grep -q 'analysis cache: this image' "$work/$label.err"
    downloaded=0 how="analysis reused from cache, no layer read"
  fi
  echo "$times" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}' >"$work/$label.time"
  printf '%-28s %6.2f s (median of%s)   layer blobs downloaded: %s   %s\n' "$label" "$(cat "$work/$label.time")" \
    "$times" "$downloaded" "$how"
}
echo "registry $host, layer caches under $work"
scan "java-app (cold cache)" bench/java-app:1 "$cold_runs"
scan "java-app (warm cache)" bench/java-app:1 "$warm_runs"
scan "java-app-plus (shared base)" bench/java-app-plus:1 1
cold=$(cat "$work/java-app (cold cache).time")
warm=$(cat "$work/java-app (warm cache).time")
echo "warm/cold speed-up: $(awk "BEGIN{printf \"%.2f\", $cold / $warm}")x (medians)"
cmp <(python3 -c 'import json,sys; print(sorted(f["id"]+" "+f["location"]["path"] for f in json.load(open(sys.argv[1]))["findings"]))' "$work/java-app (cold cache).json") \
    <(python3 -c 'import json,sys; print(sorted(f["id"]+" "+f["location"]["path"] for f in json.load(open(sys.argv[1]))["findings"]))' "$work/java-app (warm cache).json") \
  && echo "cold and warm scans report the same findings"
