"""Which app imports which: the table in docs/architecture.md, read from the code.

    .venv/bin/python scripts/app_imports.py            # counts per direction
    .venv/bin/python scripts/app_imports.py -v         # and the modules behind each

"Top" imports run when a module is loaded; "local" ones sit inside a function (usually to
break a cycle at import time). Migrations are left out.
"""

import ast
import sys
from collections import defaultdict
from pathlib import Path

APPS = ("hallowerk", "privacy", "candidates", "employers", "matching")
ROOT = Path(__file__).resolve().parent.parent


def imported_apps(path: Path):
    tree = ast.parse(path.read_text())
    top_level = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            yield name, "top" if id(node) in top_level else "local"


def edges() -> dict[tuple[str, str], set[str]]:
    found = defaultdict(set)
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for name, kind in imported_apps(path):
                target = name.split(".")[0]
                if target in APPS and target != app:
                    found[(app, target)].add(f"{path.relative_to(ROOT)} -> {name} ({kind})")
    return found


def main(verbose: bool) -> None:
    for (source, target), modules in sorted(edges().items(),
                                            key=lambda item: APPS.index(item[0][0])):
        print(f"{source:11} -> {target:11} {len(modules):3} module imports")
        if verbose:
            for line in sorted(modules):
                print(f"    {line}")


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
