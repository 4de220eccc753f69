"""Issue 15.12: English is complete, and stays complete.

lupdate runs on a copy of the sources (the committed .ts files are never rewritten by a
test) and every string it finds must have its English, plural forms included; a new
`tr()` without a translation fails here. The plural forms are checked where English
needs them ("1 working day", "2 working days").
"""

from __future__ import annotations

import os
import pathlib
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from desktop import i18n_build

ROOT = i18n_build.ROOT


@pytest.fixture(scope="module")
def updated(tmp_path_factory) -> pathlib.Path:
    """A copy of desktop/ and the translations, lupdate run over it."""
    root = tmp_path_factory.mktemp("i18n")
    shutil.copytree(ROOT / "desktop", root / "desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources" / "translations", root / "resources" / "translations",
                    ignore=shutil.ignore_patterns("*.qm"))
    for catalog in i18n_build.CATALOGS:
        for lang in i18n_build.LANGUAGES:
            i18n_build.update(catalog, lang, root)
    return root


@pytest.mark.parametrize("catalog", sorted(i18n_build.CATALOGS))
def test_lupdate_finds_nothing_left_to_translate(updated, catalog):
    ts = updated / "resources" / "translations" / f"{catalog}_en.ts"
    left = i18n_build.unfinished(ts)
    assert left == [], f"{len(left)} strings of {catalog} without English: {left[:10]}"


def test_every_folder_with_ui_text_is_in_a_catalog():
    listed = {entry for entries in i18n_build.CATALOGS.values() for entry in entries}
    for folder in sorted({p.parent for p in (ROOT / "desktop").rglob("*.py")}):
        if "__pycache__" in folder.parts:
            continue
        uses_tr = any("tr(" in p.read_text("utf-8") or "translate(" in p.read_text("utf-8")
                      for p in folder.glob("*.py"))
        rel = folder.relative_to(ROOT).as_posix()
        assert not uses_tr or rel in listed, f"{rel} is in no catalog (desktop/i18n_build.py)"


@pytest.fixture
def english(qapp, tmp_path):
    from desktop import i18n

    built = [i18n_build.release(ts, tmp_path / ts.with_suffix(".qm").name)
             for ts in sorted(i18n_build.TRANSLATIONS.glob("*_en.ts"))]
    original = (i18n.qm_path, i18n.qm_files)
    i18n.qm_files = lambda lang: [str(p) for p in built]
    try:
        assert i18n.install(qapp, "en")
        yield
    finally:
        i18n.qm_path, i18n.qm_files = original
        i18n.install(qapp, "zh_CN")


@pytest.mark.parametrize(("context", "source", "one", "two"), [
    ("Countdown", "剩%n个工作日", "1 working day left", "2 working days left"),
    ("MaterialsChecklist", "原件%n份", "1 original", "2 originals"),
    ("KioskText", "%n个工作日", "1 working day", "2 working days"),
    ("ReceptionView", "尚缺%n项：%1", "1 missing: %1", "2 missing: %1"),
])
def test_english_plurals(english, context, source, one, two):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate(context, source, "", 1) == one
    assert QCoreApplication.translate(context, source, "", 2) == two


def test_chinese_needs_no_file_and_counts_right(qapp):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("Countdown", "剩%n个工作日", "", 3) == "剩3个工作日"
