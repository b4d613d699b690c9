"""One voice: the platform's Dutch addresses its reader with "u", never "je/jij/jouw".

Checked on our own templates, on every string literal in our Python modules (messages,
labels, demo texts) and on the third-party texts a user can meet (allauth's account pages,
messages and mails, which we override in locale/parts/pilot/nl)."""

import ast
import re
from pathlib import Path

import allauth
import polib
import pytest
from django.conf import settings
from django.utils import translation

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
ROOT = Path(settings.BASE_DIR)
APPS = ("candidates", "employers", "matching", "privacy", "hallowerk")


def _our_templates():
    for folder in (ROOT / "templates", *(ROOT / app / "templates" for app in APPS)):
        yield from (p for p in folder.rglob("*") if p.suffix in {".html", ".txt"})


def _our_python_strings():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue  # history; the current texts are in the models
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    yield path, node.lineno, node.value


def test_our_templates_say_u():
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in _our_templates()
             for number, line in enumerate(path.read_text().splitlines(), 1)
             if INFORMAL.search(line)]
    assert not found, "\n".join(found)


def test_our_python_texts_say_u():
    found = [f"{path.relative_to(ROOT)}:{line}: {text!r}"
             for path, line, text in _our_python_strings() if INFORMAL.search(text)]
    assert not found, "\n".join(found)


def _allauth_account_entries():
    po = polib.pofile(str(Path(allauth.__file__).parent / "locale/nl/LC_MESSAGES/django.po"))
    return [entry for entry in po if not entry.obsolete and any(
        path.startswith(("account/", "templates/account")) for path, _ in entry.occurrences)]


def test_allauth_account_texts_say_u_in_dutch():
    entries = _allauth_account_entries()
    assert len(entries) > 100
    with translation.override("nl"):
        shown = [translation.pgettext(e.msgctxt, e.msgid) if e.msgctxt
                 else translation.gettext(e.msgid) for e in entries if not e.msgid_plural]
    informal = [text for text in shown if INFORMAL.search(text)]
    assert not informal, "\n".join(informal)


@pytest.mark.parametrize("msgid, expected", [
    ("Successfully signed in as %(name)s.", "U bent ingelogd als %(name)s."),
    ("You have signed out.", "U bent uitgelogd."),
])
def test_login_messages_say_u(msgid, expected):
    with translation.override("nl"):
        assert translation.gettext(msgid) == expected


def test_the_check_catches_informal_address():
    assert INFORMAL.search("Kom jij ons helpen? Je krijgt een fiets.")
    assert not INFORMAL.search("U krijgt een fiets. Jeugdzorg, projectleider, Jeroen.")
