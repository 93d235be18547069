#!/usr/bin/env python3
"""Rebuilds samples/demo-image.tar, the sample image the README scans, from the files under samples/demo/.

A docker-archive (classic `docker save` layout) of three layers, byte-for-byte reproducible:
  1. debootstrap --variant=minbase bookworm: the package database of Debian 12 minbase (88 packages),
     os-release, debian_version, passwd, group (taken from a real debootstrap, see demo/README.md)
  2. RUN apt-get install -y sudo: the package database now lists sudo too; sudo's file list; /app/build.env
  3. RUN rm /app/build.env: a whiteout, so the squashed view no longer has it
  4. COPY app /app: an application with pinned older libraries, as their package managers record them: npm's
     node_modules/*/package.json, pip's *.dist-info/METADATA in a virtualenv, and jars (with the pom.properties
     and MANIFEST.MF that Maven writes; no classes) in app/lib
Layer blobs are gzip-compressed (docker load accepts that; Plimsoll detects compression by magic bytes).
usage: make-demo-image.py [OUT] [--training]   (default: samples/demo-image.tar beside this script)
  --training  adds a fourth, uncompressed layer of 24 MiB of deterministic noise in 3,000 files: bin/plimsoll
              trains its JDK ahead-of-time cache on that image, so the profile covers hashing and reading a real
              layer, not only the tiny sample's (the image is generated, never committed)
"""
import gzip, hashlib, io, json, os, sys, tarfile

here = os.path.dirname(os.path.abspath(__file__))
args = [a for a in sys.argv[1:] if a != "--training"]
training = "--training" in sys.argv[1:]
out = args[0] if args else os.path.join(here, "demo-image.tar")
MTIME = 1735689600  # 2025-01-01, fixed for reproducibility


def layer_tar(src_dir, extra=(), files=None):  # src_dir None: a layer of whiteouts only; files: name -> bytes
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        paths = []
        for dirpath, dirnames, filenames in os.walk(src_dir) if src_dir else ():
            dirnames.sort()
            for name in sorted(dirnames + filenames):
                paths.append(os.path.join(dirpath, name))
        for path in sorted(paths):
            rel = os.path.relpath(path, src_dir)
            info = tar.gettarinfo(path, arcname=rel)
            info.uid = info.gid = 0
            info.uname = info.gname = "root"
            info.mtime = MTIME
            if info.isfile():
                with open(path, "rb") as f:
                    tar.addfile(info, f)
            else:
                tar.addfile(info)
        for name in extra:
            info = tarfile.TarInfo(name)
            info.mtime = MTIME
            tar.addfile(info, io.BytesIO(b""))
        for name, data in sorted((files or {}).items()):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            info.mtime = MTIME
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def noise_layer(files, size):
    """An uncompressed layer of pseudo-random files, the same on every run."""
    import random
    rng = random.Random(3)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for i in range(files):
            data = rng.randbytes(size // files)
            info = tarfile.TarInfo("training/%03d/file-%05d.bin" % (i // 100, i))
            info.size = len(data)
            info.mtime = MTIME
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


# The jars of layer 4: (groupId, artifactId, version). Their advisories are in samples/vulndata/ghsa/Maven.
JARS = [("org.apache.logging.log4j", "log4j-core", "2.14.1"),
        ("org.apache.commons", "commons-text", "1.9"),
        ("com.fasterxml.jackson.core", "jackson-databind", "2.13.2")]


def jar(group, artifact, version):
    import zipfile
    buf = io.BytesIO()
    stamp = (2025, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("META-INF/MANIFEST.MF", stamp),
                   "Manifest-Version: 1.0\r\nCreated-By: Maven JAR Plugin 3.2.0\r\n"
                   "Implementation-Title: %s\r\nImplementation-Version: %s\r\n\r\n" % (artifact, version))
        base = "META-INF/maven/%s/%s/" % (group, artifact)
        z.writestr(zipfile.ZipInfo(base + "pom.properties", stamp),
                   "artifactId=%s\ngroupId=%s\nversion=%s\n" % (artifact, group, version))
    return buf.getvalue()


def app_layer():
    extra = {"app/lib/%s-%s.jar" % (a, v): jar(g, a, v) for g, a, v in JARS}
    return layer_tar(os.path.join(here, "demo", "layer4"), files=extra)


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
        f.write(data)
    return buf.getvalue()


layers = [
    (layer_tar(os.path.join(here, "demo", "layer1")), "debootstrap --variant=minbase bookworm"),
    (layer_tar(os.path.join(here, "demo", "layer2")), "RUN apt-get install -y sudo"),
    (layer_tar(None, extra=["app/.wh.build.env"]), "RUN rm /app/build.env"),
    (app_layer(), "COPY app /app"),
]
if training:
    layers.append((noise_layer(3000, 24 << 20), "COPY training /training"))
diff_ids = ["sha256:" + hashlib.sha256(t).hexdigest() for t, _ in layers]
config = {
    "architecture": "amd64",
    "os": "linux",
    "created": "2025-01-01T00:00:00Z",
    "config": {
        "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],
        "Cmd": ["/bin/bash"],
    },
    "rootfs": {"type": "layers", "diff_ids": diff_ids},
    "history": [{"created": "2025-01-01T00:00:00Z", "created_by": c} for _, c in layers],
}
config_bytes = json.dumps(config, indent=None, separators=(",", ":"), sort_keys=True).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
manifest = [{"Config": config_name, "RepoTags": ["plimsoll/demo:1"],
             "Layers": [d.split(":")[1] + "/layer.tar" for d in diff_ids]}]

with tarfile.open(out, mode="w", format=tarfile.PAX_FORMAT) as tar:
    def add(name, data):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = MTIME
        tar.addfile(info, io.BytesIO(data))
    for i, ((t, _), d) in enumerate(zip(layers, diff_ids)):
        # the sample's layers are gzip-compressed to keep the repository small; the training layer is stored
        # plain, as docker save writes layers
        add(d.split(":")[1] + "/layer.tar", t if training and i == len(layers) - 1 else gz(t))
    add(config_name, config_bytes)
    add("manifest.json", json.dumps(manifest).encode())
print(out)
