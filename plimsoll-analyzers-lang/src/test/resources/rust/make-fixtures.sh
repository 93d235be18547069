#!/usr/bin/env bash
# Regenerates the Rust fixtures (see README.md) offline: the lockfiles cargo writes for project/ (version 4, and
# version 3 through a rust-version below 1.78), version 2 derived from version 3, and the cargo-auditable binary:
# project/'s release build with a .dep-v0 section added by objcopy. Needs cargo, objcopy and python3.
# lockfiles/v1.lock is hand-written and not regenerated.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
cargo=${CARGO:-cargo}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r project/. "$work/"

# vendor/*/.cargo-checksum.json: the files' real SHA-256 sums; "package" (what Cargo.lock records as the checksum
# of a crates.io package) is the SHA-256 of "fixture crate NAME-VERSION", there being no .crate file.
python3 - "$work/vendor" project/vendor <<'PY'
import hashlib, json, os, sys
for vendor in sys.argv[1:]:
    for d in sorted(os.listdir(vendor)):
        root = os.path.join(vendor, d)
        files = {}
        for dp, _, fs in os.walk(root):
            for f in sorted(fs):
                if f != ".cargo-checksum.json":
                    p = os.path.join(dp, f)
                    files[os.path.relpath(p, root)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
        pkg = hashlib.sha256(("fixture crate " + d).encode()).hexdigest()
        with open(os.path.join(root, ".cargo-checksum.json"), "w") as out:
            json.dump({"files": files, "package": pkg}, out)
PY

(cd "$work" && "$cargo" generate-lockfile --offline)
cp "$work/Cargo.lock" lockfiles/v4.lock
sed -i 's/^edition = "2021"$/edition = "2021"\nrust-version = "1.70"/' "$work/app/Cargo.toml"
(cd "$work" && rm Cargo.lock && "$cargo" generate-lockfile --offline)
cp "$work/Cargo.lock" lockfiles/v3.lock
grep -v '^version = 3$' lockfiles/v3.lock > lockfiles/v2.lock

(cd "$work" && "$cargo" build --release --offline --quiet)
# The dependency list cargo-auditable (format 1) would embed for app: packages sorted by name and version,
# dependencies as indices, the root flagged, the build-dependency marked "kind":"build".
printf '%s' '{"packages":[{"name":"app","version":"0.1.0","source":"local","dependencies":[1,2,3,5],"root":true},{"name":"app-core","version":"0.2.0","source":"local"},{"name":"fixture-build","version":"0.1.0","source":"crates.io","kind":"build"},{"name":"fixture-greet","version":"1.2.3","source":"crates.io","dependencies":[4]},{"name":"fixture-util","version":"0.3.0","source":"crates.io"},{"name":"fixture-util","version":"0.4.1","source":"crates.io"}],"format":1}' > bin/app-auditable.json
python3 -c 'import sys, zlib; sys.stdout.buffer.write(zlib.compress(open(sys.argv[1], "rb").read(), 9))' \
  bin/app-auditable.json > "$work/dep-v0"
objcopy --add-section .dep-v0="$work/dep-v0" "$work/target/release/app" bin/app-auditable
chmod 755 bin/app-auditable
LC_ALL=C readelf -SlW bin/app-auditable > bin/app-auditable.readelf.txt
