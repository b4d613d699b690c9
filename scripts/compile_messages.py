"""Compile every locale/*/LC_MESSAGES/*.po (the project's and each app's) to .mo with polib,
so no system gettext is needed."""

from pathlib import Path

import polib

root = Path(__file__).resolve().parent.parent
SKIP = {".venv", "node_modules", ".hallowerk"}
# The project's catalogue and one per app (apps sit at the top level).
for po_path in [*root.glob("locale/*/LC_MESSAGES/*.po"), *root.glob("*/locale/*/LC_MESSAGES/*.po")]:
    if SKIP & set(po_path.relative_to(root).parts):
        continue
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
