"""Installing the UI language: our .qm plus Qt's own strings (OK/Cancel, …).

Source strings are Simplified Chinese, so Chinese needs no file at all: a missing or
stale .qm never leaves the clerk with an empty screen, it only falls back to Chinese.
English comes from resources/translations/yichuang_en.qm, built by
`python -m desktop.i18n_build`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from resources import path as resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []


def qm_path(lang: str) -> str:
    return str(resource_path("translations", f"yichuang_{lang}.qm"))


def install(app: QCoreApplication, lang: str) -> bool:
    """Install translators for `lang`; True when our own translation was loaded."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale("en_US" if lang == "en" else "zh_CN"))
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang != "en" and qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    if lang == "zh_CN":
        return False
    ours = QTranslator(app)
    if ours.load(qm_path(lang)):
        app.installTranslator(ours)
        _installed.append(ours)
        return True
    log.warning("translation %s not found; run python -m desktop.i18n_build", lang)
    return False


def current_language() -> str:
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"
