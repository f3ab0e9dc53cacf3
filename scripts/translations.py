#!/usr/bin/env python3
"""Finds the localisation keys of src/Lotse and compares them with the English resources.

Keys are the German UI texts, found as:
  * L["..."] in Razor views and localizer["..."] in C#,
  * ErrorMessage = "..." in DataAnnotations attributes,
  * the string arms of Roles.DisplayName, OrganizationKinds.DisplayName and CatalogDefaults.CatalogName,
  * the messages of AdminResult.Fail(field, "...").

Usage:
  scripts/translations.py --check                 list keys missing from SharedResource.en.resx, exit 1 if any
  scripts/translations.py --write-missing FILE    write the missing keys to FILE, one per line
"""

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src" / "Lotse"
RESX = ROOT / "Resources" / "SharedResource.en.resx"
EXCLUDED = {"bin", "obj", "Migrations"}

# A C# string literal: regular ("...") or verbatim (@"...").
STRING = r'(?:@"(?:[^"]|"")*"|"(?:[^"\\\n]|\\.)*")'

PATTERNS = [
    re.compile(r"\b(?:L|localizer)\[\s*(" + STRING + ")"),
    re.compile(r"\bErrorMessage\s*=\s*(" + STRING + ")"),
    re.compile(r"\bAdminResult\.Fail\(\s*(?:" + STRING + r"|[\w.]+)\s*,\s*(" + STRING + ")"),
]
# The body of a "static string DisplayName(...) => x switch { ... };" and its string arms.
SWITCH = re.compile(r"static string (?:DisplayName|CatalogName)\([^)]*\)\s*=>\s*\w+\s+switch\s*\{(.*?)\};", re.S)
SWITCH_ARM = re.compile(r"=>\s*(" + STRING + ")")

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}


def unescape(literal: str) -> str:
    """The value of a C# string literal."""
    if literal.startswith("@"):
        return literal[2:-1].replace('""', '"')

    def replace(match: re.Match) -> str:
        code = match.group(1)
        if code[0] in "uUx":
            return chr(int(code[1:], 16))
        return ESCAPES.get(code, code)

    return re.sub(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,4}|.)", replace, literal[1:-1])


def source_files():
    for path in sorted(ROOT.rglob("*")):
        if path.suffix in (".cs", ".cshtml") and not EXCLUDED & set(path.relative_to(ROOT).parts):
            yield path


def extract_keys() -> set[str]:
    keys = set()
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        literals = [m.group(1) for p in PATTERNS for m in p.finditer(text)]
        for body in SWITCH.findall(text):
            literals += SWITCH_ARM.findall(body)
        keys.update(unescape(s) for s in literals)
    return keys


def resx_keys() -> set[str]:
    if not RESX.exists():
        return set()
    return {data.get("name") for data in ET.parse(RESX).getroot().iter("data")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="list missing keys, exit 1 if any")
    mode.add_argument("--write-missing", metavar="FILE.tsv", help="write missing keys, one per line")
    args = parser.parse_args()

    keys = extract_keys()
    missing = sorted(keys - resx_keys())
    if args.write_missing:
        Path(args.write_missing).write_text("".join(k + "\n" for k in missing), encoding="utf-8")
        print(f"{len(missing)} of {len(keys)} keys missing, written to {args.write_missing}")
        return 0
    for key in missing:
        print(key)
    print(f"{len(missing)} of {len(keys)} keys missing from {RESX.name}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
