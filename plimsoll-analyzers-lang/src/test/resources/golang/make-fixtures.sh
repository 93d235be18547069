#!/usr/bin/env bash
# Regenerates the Go fixtures (see README.md): the file-based module proxy, hello's go.sum and vendor directory,
# and the committed binaries with what `go version -m` and `readelf -SlW` print of them. Needs go (Debian's
# golang-go), binutils and python3;
# runs offline.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

# proxy/MODULE/@v/VERSION.{info,mod,zip} and list: the layout GOPROXY=file://... reads.
rm -rf proxy
python3 - <<'PY'
import json, os, zipfile
modules = [("example.test/greet", "v1.2.3", "modules/greet"),
           ("example.test/newlib", "v1.1.0", "modules/newlib"),
           ("example.test/tool", "v1.0.0", "modules/tool")]
for path, version, src in modules:
    d = os.path.join("proxy", path, "@v")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "list"), "w") as f:
        f.write(version + "\n")
    with open(os.path.join(d, version + ".info"), "w") as f:
        json.dump({"Version": version, "Time": "2024-01-02T03:04:05Z"}, f)
    with open(os.path.join(src, "go.mod"), "rb") as f:
        gomod = f.read()
    with open(os.path.join(d, version + ".mod"), "wb") as f:
        f.write(gomod)
    with zipfile.ZipFile(os.path.join(d, version + ".zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(os.listdir(src)):
            info = zipfile.ZipInfo(path + "@" + version + "/" + name, (2024, 1, 2, 3, 4, 6))
            info.external_attr = 0o644 << 16
            with open(os.path.join(src, name), "rb") as f:
                z.writestr(info, f.read(), zipfile.ZIP_DEFLATED)
PY

export GOPROXY="file://$PWD/proxy" GOSUMDB=off GOMODCACHE="$work/mod" GOFLAGS=-modcacherw GOTOOLCHAIN=local \
  GOWORK=off CGO_ENABLED=0
(cd src/hello && rm -rf vendor go.sum && go mod tidy && go mod vendor)

mkdir -p bin
build() { # name, GOARCH, -mod mode
  (cd src/hello && GOARCH=$2 go build -mod="$3" -buildvcs=false -trimpath -ldflags='-s -w' -o "../../bin/$1" .)
  go version -m "bin/$1" > "bin/$1.go-version-m.txt"
  LC_ALL=C readelf -SlW "bin/$1" > "bin/$1.readelf.txt"
}
build hello-amd64 amd64 mod
build hello-mips mips vendor
