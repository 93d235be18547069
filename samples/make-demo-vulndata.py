#!/usr/bin/env python3
"""Copies the demo's offline vulnerability data into samples/vulndata/ from a full copy laid out like
../shared/vulndata (see samples/vulndata/README.md for sources and licences).

Whole advisory entries are copied unchanged, only those naming the source packages of a Debian minbase system
(plus curl and sudo); Alpine v3.11 main is copied whole; OSV records (PyPA, GitHub advisories) only those naming
the demo application's libraries.
usage: make-demo-vulndata.py SHARED_VULNDATA_DIR
"""
import json, os, re, shutil, sys

SOURCES = set("""acl apt attr audit base-files bash bzip2 coreutils curl cyrus-sasl2 db5.3 debianutils diffutils dpkg
e2fsprogs expat findutils glibc gmp gnupg2 gnutls28 grep gzip hostname krb5 libcap2 libffi libgcrypt20 libgpg-error
libidn2 libksba libseccomp libselinux libtasn1-6 libunistring libxml2 libzstd lz4 mawk ncurses nettle openldap
openssl p11-kit pam pcre2 pcre3 perl readline sed shadow sqlite3 sudo systemd tar tzdata util-linux xz-utils
zlib""".split())

# The demo image's application layer (samples/demo/layer4, plus the jars make-demo-image.py writes).
APP_LIBRARIES = {"pypi": {"pyyaml", "requests", "urllib3", "jinja2"},
                 "npm": {"lodash", "minimist", "express", "jsonwebtoken", "follow-redirects"},
                 "maven": {"org.apache.logging.log4j:log4j-core", "org.apache.commons:commons-text",
                           "com.fasterxml.jackson.core:jackson-databind"}}

src = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "vulndata")


def entries(path):
    block = []
    for line in open(path, encoding="utf-8"):
        if line.startswith("[") and block:
            yield block
            block = []
        block.append(line)
    if block:
        yield block


for name in ("DSA.list", "DLA.list"):
    kept = []
    for block in entries(os.path.join(src, "debian", name)):
        m = re.match(r"\[[^]]+\] D[SL]A-\S+ (\S+)", block[0])
        if m and m.group(1) in SOURCES:
            kept.append("".join(block))
    with open(os.path.join(out, "debian", name), "w", encoding="utf-8") as f:
        f.write("".join(kept))
    print(name, len(kept), "entries")
shutil.copyfile(os.path.join(src, "alpine", "v3.11", "main.yaml"), os.path.join(out, "alpine", "v3.11", "main.yaml"))


def copy_osv(folder, target):
    kept = 0
    os.makedirs(os.path.join(out, target), exist_ok=True)
    for name in sorted(os.listdir(os.path.join(src, folder))):
        path = os.path.join(src, folder, name)
        with open(path, encoding="utf-8") as f:
            record = json.load(f)
        names = {(a["package"]["ecosystem"].lower(), a["package"]["name"].lower())
                 for a in record.get("affected", [])}
        if any(n in APP_LIBRARIES.get(e, ()) for e, n in names):
            shutil.copyfile(path, os.path.join(out, target, name))
            kept += 1
    print(folder, kept, "records")


copy_osv("osv/PyPI", "osv/PyPI")
copy_osv("ghsa/npm", "ghsa/npm")
copy_osv("ghsa/Maven", "ghsa/Maven")
