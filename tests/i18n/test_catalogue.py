"""The English catalogue is complete and up to date: every string the code marks for
translation is in locale/en/LC_MESSAGES/django.po, translated, and not fuzzy."""

import ast
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

COMMITTED = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
# What `makemessages` reads in the real tree (the rest is ignored: .venv, tests, bench…).
SOURCE_DIRS = ("quizsite", "quizzes", "templates")
UPDATE = (
    " — update with `DEBUG=1 .venv/bin/python manage.py makemessages -l en --ignore=.venv "
    "--ignore=staticfiles --ignore=tests --ignore=test-artifacts --ignore=bench "
    "--add-location=file --no-obsolete`, translate the new entries, then `make messages`."
)

pytestmark = pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext is installed by `make setup`"
)


def read_po(path: Path) -> dict[tuple[str, str], dict]:
    """(msgctxt, msgid) → {"plural", "msgstr": {index: text}, "fuzzy"}, header and obsolete
    entries left out. Enough of the PO format for what xgettext and msgmerge write: entries
    separated by blank lines, each string possibly continued on the following lines."""
    entries = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry = {"msgctxt": "", "msgid": "", "plural": "", "msgstr": {}, "fuzzy": False}
        field = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["fuzzy"] = "fuzzy" in {flag.strip() for flag in line[2:].split(",")}
            if line.startswith("#") or not line.strip():
                continue
            if not line.startswith('"'):
                field, _, line = line.partition(" ")
            text = ast.literal_eval(line)
            if field == "msgid_plural":
                entry["plural"] += text
            elif field.startswith("msgstr"):
                index = int(field[7:-1]) if field.startswith("msgstr[") else 0
                entry["msgstr"][index] = entry["msgstr"].get(index, "") + text
            else:
                entry[field] += text
        if entry["msgid"]:
            entries[(entry["msgctxt"], entry["msgid"])] = entry
    return entries


def describe(key: tuple[str, str]) -> str:
    context, msgid = key
    return f"{msgid!r}" + (f" (context {context!r})" if context else "")


def test_every_english_entry_is_translated_and_not_fuzzy():
    entries = read_po(COMMITTED)
    assert len(entries) > 400
    untranslated = [
        describe(key)
        for key, entry in entries.items()
        if not all(entry["msgstr"].get(i) for i in range(2 if entry["plural"] else 1))
    ]
    fuzzy = [describe(key) for key, entry in entries.items() if entry["fuzzy"]]
    assert not untranslated, "Untranslated in locale/en: " + "; ".join(untranslated)
    assert not fuzzy, "Fuzzy in locale/en (check and clear the flag): " + "; ".join(fuzzy)


def test_english_catalogue_has_every_string_the_code_marks(tmp_path, monkeypatch):
    """Extract the strings from a copy of the sources (makemessages writes next to the tree it
    reads) and compare with the committed catalogue."""
    for name in SOURCE_DIRS:
        shutil.copytree(
            Path(settings.BASE_DIR) / name,
            tmp_path / name,
            ignore=shutil.ignore_patterns("__pycache__", "migrations"),
        )
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["en"], verbosity=0)
    extracted = read_po(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po")
    committed = read_po(COMMITTED)
    assert len(extracted) > 400
    missing = sorted(describe(key) for key in extracted.keys() - committed.keys())
    assert not missing, "Not in locale/en/LC_MESSAGES/django.po: " + "; ".join(missing) + UPDATE
    plural_changed = sorted(
        describe(key)
        for key in extracted.keys() & committed.keys()
        if extracted[key]["plural"] != committed[key]["plural"]
    )
    assert not plural_changed, "Plural form changed: " + "; ".join(plural_changed) + UPDATE
