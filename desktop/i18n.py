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


def qm_path(lang: str, catalog: str = "yichuang") -> str:
    return str(resource_path("translations", f"{catalog}_{lang}.qm"))


def qm_files(lang: str) -> list[str]:
    """Every catalog's .qm for the language: ours first, then the areas' (devices, kiosk…)."""
    folder = resource_path("translations")
    others = sorted(str(p) for p in folder.glob(f"*_{lang}.qm")
                    if not p.name.startswith("yichuang_"))
    return [qm_path(lang), *others]


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
    # Qt adds it to every window title ("窗口受理 — 一窗"): titles leave the name out
    app.setApplicationDisplayName(QCoreApplication.translate("app", "一窗"))
    if lang == "zh_CN":
        return False
    loaded = False
    for i, file in enumerate(qm_files(lang)):
        tr = QTranslator(app)
        if tr.load(file):
            app.installTranslator(tr)
            _installed.append(tr)
            loaded = loaded or i == 0
    if not loaded:
        log.warning("translation %s not found; run python -m desktop.i18n_build", lang)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "一窗"))
    return loaded


def current_language() -> str:
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"
