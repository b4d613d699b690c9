"""Compile every **/LC_MESSAGES/*.po (outside .venv) to .mo with polib, so no system gettext
is needed."""

from pathlib import Path

import polib

root = Path(__file__).resolve().parent.parent
for po_path in root.glob("**/LC_MESSAGES/*.po"):
    if ".venv" in po_path.parts or "node_modules" in po_path.parts:
        continue
    polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
