# Reference answers from the `packaging` library (what pip uses) for Pep440ReferenceTest. One JSON array per input
# line, one JSON answer per output line:
#   ["V", text]            -> "err" or str(Version(text))
#   ["C", a, b]            -> -1, 0, 1 or "err"
#   ["S", specifiers, v]   -> {"set": bool, "default": bool | "raise", "each": [bool per non-empty piece]}
#                             or "errspec" / "errver"
# "set" is SpecifierSet.contains(v, prereleases=True) (advisory semantics), "default" is contains(v) (pip's
# default pre-release policy; "raise" when packaging raises while deciding it), "each" is Specifier(piece)
# .contains(v, prereleases=True) for each piece in written order.
import json
import sys

import packaging
from packaging.specifiers import InvalidSpecifier, Specifier, SpecifierSet
from packaging.version import InvalidVersion, Version


def answer(command, args):
    if command == "V":
        try:
            return str(Version(args[0]))
        except InvalidVersion:
            return "err"
    if command == "C":
        try:
            a, b = Version(args[0]), Version(args[1])
        except InvalidVersion:
            return "err"
        return (a > b) - (a < b)
    if command == "S":
        try:
            spec_set = SpecifierSet(args[0])
            pieces = [Specifier(p.strip()) for p in args[0].split(",") if p.strip()]
        except InvalidSpecifier:
            return "errspec"
        try:
            v = Version(args[1])
        except InvalidVersion:
            return "errver"
        try:
            default = spec_set.contains(v)
        except InvalidVersion:
            default = "raise"
        return {
            "set": spec_set.contains(v, prereleases=True),
            "default": default,
            "each": [p.contains(v, prereleases=True) for p in pieces],
        }
    if command == "about":
        return packaging.__version__
    raise ValueError("unknown command " + command)


for line in sys.stdin:
    command, *args = json.loads(line)
    print(json.dumps(answer(command, args)))
