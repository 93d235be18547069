#!/usr/bin/env python3
"""Builds a small PEP 503 package index of stand-in wheels for making the lockfile fixtures offline.

The build machine cannot reach PyPI, so poetry, pipenv and pip lock against this index instead. Each wheel carries
the real distribution's name, version, Requires-Python and Requires-Dist (as published on PyPI), and one module
that does nothing; the hashes in the lockfiles are therefore those of these wheels, not of PyPI's files. The wheels
are byte-for-byte reproducible (fixed timestamps, sorted entries).

Usage: make_index.py OUTPUT_DIR, then serve OUTPUT_DIR, e.g. python3 -m http.server -b 127.0.0.1 8765 -d OUTPUT_DIR;
the index is OUTPUT_DIR/simple/.
"""
import base64
import hashlib
import html
import os
import re
import sys
import zipfile

# name as published, version, Requires-Python, Requires-Dist
DISTRIBUTIONS = [
    ("requests", "2.25.0", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*", [
        "chardet (<4,>=3.0.2)",
        "idna (<3,>=2.5)",
        "urllib3 (<1.27,>=1.21.1)",
        "certifi (>=2017.4.17)",
        "PySocks (!=1.5.7,>=1.5.6) ; extra == 'socks'",
    ]),
    ("urllib3", "1.26.4", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*, <4", [
        "PySocks (!=1.5.7,<2.0,>=1.5.6) ; extra == 'socks'",
    ]),
    ("certifi", "2020.12.5", None, []),
    ("chardet", "3.0.4", None, []),
    ("idna", "2.10", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*", []),
    ("Django", "3.2", ">=3.6", [
        "asgiref (<4,>=3.3.2)",
        "pytz",
        "sqlparse (>=0.2.2)",
        "argon2-cffi (>=19.1.0) ; extra == 'argon2'",
    ]),
    ("asgiref", "3.3.4", ">=3.6", [
        "typing-extensions ; python_version < \"3.8\"",
    ]),
    ("typing_extensions", "3.10.0.0", None, []),
    ("pytz", "2021.1", None, []),
    ("sqlparse", "0.4.1", ">=3.5", []),
    ("PyYAML", "5.3.1", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*", []),
    ("pytest", "6.2.4", ">=3.6", [
        "attrs (>=19.2.0)",
        "iniconfig",
        "packaging",
        "pluggy (<1.0.0a1,>=0.12)",
        "py (>=1.8.2)",
        "toml",
        "atomicwrites (>=1.0) ; sys_platform == \"win32\"",
        "colorama ; sys_platform == \"win32\"",
    ]),
    ("attrs", "21.2.0", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*", []),
    ("iniconfig", "1.1.1", None, []),
    ("packaging", "20.9", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*", ["pyparsing (>=2.0.2)"]),
    ("pyparsing", "2.4.7", ">=2.6, !=3.0.*, !=3.1.*, !=3.2.*", []),
    ("pluggy", "0.13.1", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*", []),
    ("py", "1.10.0", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*", []),
    ("toml", "0.10.2", ">=2.6, !=3.0.*, !=3.1.*, !=3.2.*", []),
    ("atomicwrites", "1.4.0", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*", []),
    ("colorama", "0.4.4", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*, !=3.4.*", []),
]

EPOCH = (1980, 1, 1, 0, 0, 0)


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def wheel(name, version, requires_python, requires):
    stem = re.sub(r"[-_.]+", "_", name)
    module = normalize(name).replace("-", "_") + "_standin"
    dist_info = f"{stem}-{version}.dist-info"
    metadata = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}",
                "Summary: stand-in for making lockfile fixtures"]
    if requires_python:
        metadata.append(f"Requires-Python: {requires_python}")
    for extra in sorted({m.group(1) for r in requires for m in [re.search(r"extra == '([^']+)'", r)] if m}):
        metadata.append(f"Provides-Extra: {extra}")
    metadata += [f"Requires-Dist: {r}" for r in requires]
    files = {
        f"{module}/__init__.py": b"",
        f"{dist_info}/METADATA": ("\n".join(metadata) + "\n\n").encode(),
        f"{dist_info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: make_index.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n\n",
        f"{dist_info}/top_level.txt": (module + "\n").encode(),
    }
    record = "".join(f"{path},{record_hash(data)},{len(data)}\n" for path, data in sorted(files.items()))
    record += f"{dist_info}/RECORD,,\n"
    files[f"{dist_info}/RECORD"] = record.encode()
    return f"{stem}-{version}-py3-none-any.whl", files


def main(out):
    packages = os.path.join(out, "packages")
    os.makedirs(packages, exist_ok=True)
    by_project = {}
    for name, version, requires_python, requires in DISTRIBUTIONS:
        filename, files = wheel(name, version, requires_python, requires)
        path = os.path.join(packages, filename)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for entry, data in sorted(files.items()):
                info = zipfile.ZipInfo(entry, EPOCH)
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data)
        with open(path, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        by_project.setdefault(normalize(name), []).append((filename, digest, requires_python))
    simple = os.path.join(out, "simple")
    os.makedirs(simple, exist_ok=True)
    with open(os.path.join(simple, "index.html"), "w") as f:
        f.write("<!DOCTYPE html>\n<html><body>\n")
        for project in sorted(by_project):
            f.write(f'<a href="{project}/">{project}</a>\n')
        f.write("</body></html>\n")
    for project, files in by_project.items():
        os.makedirs(os.path.join(simple, project), exist_ok=True)
        with open(os.path.join(simple, project, "index.html"), "w") as f:
            f.write(f"<!DOCTYPE html>\n<html><body><h1>Links for {project}</h1>\n")
            for filename, digest, requires_python in files:
                attr = f' data-requires-python="{html.escape(requires_python)}"' if requires_python else ""
                f.write(f'<a href="../../packages/{filename}#sha256={digest}"{attr}>{filename}</a>\n')
            f.write("</body></html>\n")


if __name__ == "__main__":
    main(sys.argv[1])
