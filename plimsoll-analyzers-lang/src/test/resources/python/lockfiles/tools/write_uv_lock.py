#!/usr/bin/env python3
"""Writes the uv.lock fixtures by hand, uv itself not being installable on the build machine (no PyPI).

The layout follows what uv 0.6 to 0.9 writes (lockfile version 1, revision 3), as uv's own test snapshots show it:
packages sorted by normalised name, `source` tables, `dependencies` arrays of inline tables with markers,
`[package.dev-dependencies]` and `[package.metadata]` of the project, `sdist`/`wheels` with url, hash and size (no
upload-time: a simple HTML index does not give one). Hashes and sizes are those of the stand-in wheels that
make_index.py builds, at the URLs the local index serves them from.

Usage: write_uv_lock.py INDEX_DIR OUT_DIR (INDEX_DIR as made by make_index.py).
"""
import hashlib
import os
import sys

INDEX = "http://127.0.0.1:8765"

# normalised name: (version, wheel file, dependencies as (name, marker))
REGISTRY = {
    "asgiref": ("3.3.4", "asgiref-3.3.4-py3-none-any.whl", []),
    "atomicwrites": ("1.4.0", "atomicwrites-1.4.0-py3-none-any.whl", []),
    "attrs": ("21.2.0", "attrs-21.2.0-py3-none-any.whl", []),
    "certifi": ("2020.12.5", "certifi-2020.12.5-py3-none-any.whl", []),
    "chardet": ("3.0.4", "chardet-3.0.4-py3-none-any.whl", []),
    "colorama": ("0.4.4", "colorama-0.4.4-py3-none-any.whl", []),
    "django": ("3.2", "Django-3.2-py3-none-any.whl", [("asgiref", None), ("pytz", None), ("sqlparse", None)]),
    "idna": ("2.10", "idna-2.10-py3-none-any.whl", []),
    "iniconfig": ("1.1.1", "iniconfig-1.1.1-py3-none-any.whl", []),
    "packaging": ("20.9", "packaging-20.9-py3-none-any.whl", [("pyparsing", None)]),
    "pluggy": ("0.13.1", "pluggy-0.13.1-py3-none-any.whl", []),
    "py": ("1.10.0", "py-1.10.0-py3-none-any.whl", []),
    "pyparsing": ("2.4.7", "pyparsing-2.4.7-py3-none-any.whl", []),
    "pytest": ("6.2.4", "pytest-6.2.4-py3-none-any.whl", [
        ("atomicwrites", "sys_platform == 'win32'"), ("attrs", None), ("colorama", "sys_platform == 'win32'"),
        ("iniconfig", None), ("packaging", None), ("pluggy", None), ("py", None), ("toml", None)]),
    "pytz": ("2021.1", "pytz-2021.1-py3-none-any.whl", []),
    "pyyaml": ("5.3.1", "PyYAML-5.3.1-py3-none-any.whl", []),
    "requests": ("2.25.0", "requests-2.25.0-py3-none-any.whl", [
        ("certifi", None), ("chardet", None), ("idna", None), ("urllib3", None)]),
    "sqlparse": ("0.4.1", "sqlparse-0.4.1-py3-none-any.whl", []),
    "toml": ("0.10.2", "toml-0.10.2-py3-none-any.whl", []),
    "urllib3": ("1.26.4", "urllib3-1.26.4-py3-none-any.whl", []),
}


def wheel_facts(index_dir, filename):
    with open(os.path.join(index_dir, "packages", filename), "rb") as f:
        data = f.read()
    return "sha256:" + hashlib.sha256(data).hexdigest(), len(data)


def dependency_lines(deps, key="dependencies"):
    if not deps:
        return []
    lines = [f"{key} = ["]
    for name, marker in deps:
        lines.append(f'    {{ name = "{name}", marker = "{marker}" }},' if marker else f'    {{ name = "{name}" }},')
    return lines + ["]"]


def registry_package(index_dir, name, source=None):
    version, filename, deps = REGISTRY[name]
    digest, size = wheel_facts(index_dir, filename)
    lines = ["[[package]]", f'name = "{name}"', f'version = "{version}"',
             source or f'source = {{ registry = "{INDEX}/simple" }}']
    lines += dependency_lines(deps)
    lines += ["wheels = [", f'    {{ url = "{INDEX}/packages/{filename}", hash = "{digest}", size = {size} }},', "]"]
    return "\n".join(lines) + "\n"


def demo(index_dir):
    blocks = []
    root = """[[package]]
name = "demo"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "django" },
    { name = "pyyaml" },
    { name = "requests" },
    { name = "urllib3" },
]

[package.dev-dependencies]
dev = [
    { name = "pytest" },
]

[package.metadata]
requires-dist = [
    { name = "django", specifier = "==3.2" },
    { name = "pyyaml", specifier = "==5.3.1" },
    { name = "requests", specifier = "==2.25.0" },
    { name = "urllib3", specifier = "==1.26.4" },
]

[package.metadata.requires-dev]
dev = [{ name = "pytest", specifier = "==6.2.4" }]
"""
    names = sorted(set(REGISTRY) | {"demo"})
    for name in names:
        blocks.append(root if name == "demo" else registry_package(index_dir, name))
    return 'version = 1\nrevision = 3\nrequires-python = ">=3.8"\n\n' + "\n".join(blocks)


def sources(index_dir):
    toml_digest, _ = wheel_facts(index_dir, "toml-0.10.2-py3-none-any.whl")
    return f'''version = 1
revision = 3
requires-python = ">=3.8"

[manifest]
members = [
    "sources-demo",
    "worker",
]

[[package]]
name = "gitlib"
version = "0.3.0"
source = {{ git = "file:///tmp/lockgen/gitlib?tag=v0.3.0#bf804b73ac4b9d77812b7457a9ba61fe72229055" }}
dependencies = [
    {{ name = "idna" }},
]

{registry_package(index_dir, "idna")}
{registry_package(index_dir, "iniconfig")}
[[package]]
name = "locallib"
version = "0.3.0"
source = {{ directory = "../locallib" }}
dependencies = [
    {{ name = "idna" }},
]

[package.metadata]
requires-dist = [{{ name = "idna", specifier = "==2.10" }}]

{registry_package(index_dir, "pyyaml")}
[[package]]
name = "sources-demo"
version = "0.1.0"
source = {{ virtual = "." }}
dependencies = [
    {{ name = "gitlib" }},
    {{ name = "locallib" }},
    {{ name = "toml" }},
]

[package.optional-dependencies]
yaml = [
    {{ name = "pyyaml" }},
]

[package.dev-dependencies]
test = [
    {{ name = "iniconfig" }},
]

[package.metadata]
requires-dist = [
    {{ name = "gitlib", git = "file:///tmp/lockgen/gitlib?tag=v0.3.0" }},
    {{ name = "locallib", directory = "../locallib" }},
    {{ name = "pyyaml", marker = "extra == 'yaml'", specifier = "==5.3.1" }},
    {{ name = "toml", url = "{INDEX}/packages/toml-0.10.2-py3-none-any.whl" }},
]
provides-extras = ["yaml"]

[package.metadata.requires-dev]
test = [{{ name = "iniconfig", specifier = "==1.1.1" }}]

[[package]]
name = "toml"
version = "0.10.2"
source = {{ url = "{INDEX}/packages/toml-0.10.2-py3-none-any.whl" }}
wheels = [
    {{ url = "{INDEX}/packages/toml-0.10.2-py3-none-any.whl", hash = "{toml_digest}" }},
]

[package.metadata]

{registry_package(index_dir, "urllib3")}
[[package]]
name = "worker"
version = "0.2.0"
source = {{ editable = "packages/worker" }}
dependencies = [
    {{ name = "urllib3" }},
]

[package.metadata]
requires-dist = [{{ name = "urllib3", specifier = "==1.26.4" }}]
'''


def main(index_dir, out):
    for name, text in (("uv", demo(index_dir)), ("uv-sources", sources(index_dir))):
        os.makedirs(os.path.join(out, name), exist_ok=True)
        with open(os.path.join(out, name, "uv.lock"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
