"""The settings every face offers in its menu: the UI language and the text size.

One piece, so the counter, the reviewer, the supervisor and the hall display offer the
same two choices the same way. The text size applies at once (the whole application's
font and style sheet follow it). The language applies by rebuilding the face in the
same process (`RESTART`): every string is translated once, when its widget is built,
and a rebuilt window is simpler and surer than re-translating a live one. The clerk
is asked first when something typed would be lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from desktop.app import RESTART  # QApplication.exit(RESTART): build the face again

LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}  # each in its own language, untranslated
FONT_SIZES = (12, 14, 16, 18, 20)


def font_size_names() -> dict[int, str]:
    return {12: QCoreApplication.translate("FaceMenu", "小"),
            14: QCoreApplication.translate("FaceMenu", "标准"),
            16: QCoreApplication.translate("FaceMenu", "大"),
            18: QCoreApplication.translate("FaceMenu", "较大"),
            20: QCoreApplication.translate("FaceMenu", "特大")}


def add_settings_menu(menu: QMenu, settings_store, *, window: QWidget,
                      unsaved: Callable[[], bool] = lambda: False) -> QMenu:
    """The language and text-size choices, added to `menu` (a face's 设置 menu)."""
    menu.setToolTipsVisible(True)
    languages = menu.addMenu(QCoreApplication.translate("FaceMenu", "界面语言 / Language"))
    group = QActionGroup(languages)
    current = settings_store.get("language")
    for code, name in LANGUAGE_NAMES.items():
        action = QAction(name, languages, checkable=True, checked=code == current)
        action.triggered.connect(
            lambda _on=False, c=code: switch_language(settings_store, c, window, unsaved))
        group.addAction(action)
        languages.addAction(action)
    sizes = menu.addMenu(QCoreApplication.translate("FaceMenu", "字号"))
    size_group = QActionGroup(sizes)
    for size, name in font_size_names().items():
        action = QAction(f"{name}（{size}px）", sizes, checkable=True,
                         checked=size == settings_store.get("font_size"))
        action.triggered.connect(lambda _on=False, s=size: set_font_size(settings_store, s))
        size_group.addAction(action)
        sizes.addAction(action)
    return menu


def switch_language(settings_store, lang: str, window: QWidget,
                    unsaved: Callable[[], bool] = lambda: False) -> bool:
    """Store the language and rebuild the face; False when the clerk kept working."""
    if lang == settings_store.get("language"):
        return False
    if unsaved():
        answer = QMessageBox.question(
            window, QCoreApplication.translate("FaceMenu", "切换语言"),
            QCoreApplication.translate(
                "FaceMenu", "切换语言会重新打开窗口，正在录入的内容不会保存。继续吗？"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
    settings_store.set("language", lang)
    QApplication.exit(RESTART)
    return True


def set_font_size(settings_store, size: int) -> None:
    """Store the text size and apply it to the whole application now."""
    from desktop.app import apply_font_size

    settings_store.set("font_size", size)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_font_size(app, size)
