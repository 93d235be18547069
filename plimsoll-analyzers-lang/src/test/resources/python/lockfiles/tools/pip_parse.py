#!/usr/bin/env python3
"""Prints what pip's own requirements-file parser reads from each file given: one line per requirement, with the
file and line it came from, whether it is a constraint or editable, and, for requirements from an index, the name
and specifier that pip's vendored packaging library parses. Run it with the python of a virtual environment that
has pip (the fixtures' README names the version); pip fetches nothing here.

Usage: pip_parse.py FILE...
"""
import os
import sys

from pip._internal.network.session import PipSession
from pip._internal.req.req_file import parse_requirements
from pip._vendor.packaging.requirements import InvalidRequirement, Requirement


def main(paths):
    session = PipSession()
    for path in paths:
        print(f"== {path}")
        for parsed in parse_requirements(path, session):
            # comes_from: "-r /abs/dir/file.txt (line 2)" (or "-c ..." for constraints)
            source, line_no = parsed.comes_from.rsplit(" (line ", 1)
            where = os.path.relpath(source.split(" ", 1)[1], os.path.dirname(os.path.abspath(path))) + ":" + line_no.rstrip(")")
            kind = "constraint" if parsed.constraint else "requirement"
            line = f"{where} {kind}"
            if parsed.is_editable:
                line += f" editable {parsed.requirement}"
            else:
                try:
                    req = Requirement(parsed.requirement)
                    line += f" name={req.name} specifier={req.specifier} extras={sorted(req.extras)}"
                    if req.url:
                        line += f" url={req.url}"
                    if req.marker:
                        line += f" marker={req.marker}"
                except InvalidRequirement:
                    line += f" not-a-pep508-requirement {parsed.requirement}"
            hashes = (parsed.options or {}).get("hashes")
            if hashes:
                line += " hashes=" + ",".join(f"{k}:{v}" for k, vs in sorted(hashes.items()) for v in vs)
            print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
