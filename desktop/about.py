"""The About dialog every face shares, and the application icon.

A hall's IT staff and the support desk ask first "which version, which terminal, where
are the files": the dialog answers that in one place and copies it as plain text for a
ticket. Faces do not build their own: `install_about(window, face)` gives a window the
F1 key and returns the QAction for its menu; `show_about(...)` opens it from anywhere.
Nothing here reads a file or the replica: the face passes what it knows (terminal code,
hall) through `details`, so opening the dialog never waits on I/O.
"""

from __future__ import annotations

import pathlib
import platform
from collections.abc import Callable, Mapping

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from domain.version import VERSION
from resources import path as resource_path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
LICENCE = "GPL-3.0-or-later"

# The faces' names as people in a hall call them (lupdate reads these marks).
FACE_NAMES: dict[str, str] = {
    "counter": QT_TRANSLATE_NOOP("AboutDialog", "窗口受理"),
    "kiosk": QT_TRANSLATE_NOOP("AboutDialog", "自助登记机"),
    "supervisor": QT_TRANSLATE_NOOP("AboutDialog", "大厅监管"),
    "review": QT_TRANSLATE_NOOP("AboutDialog", "后台审核"),
    "display": QT_TRANSLATE_NOOP("AboutDialog", "大厅叫号屏"),
}

# What a face may pass in `details`, by key; any other key is shown as written.
DETAIL_LABELS: dict[str, str] = {
    "terminal": QT_TRANSLATE_NOOP("AboutDialog", "终端"),
    "hall": QT_TRANSLATE_NOOP("AboutDialog", "大厅"),
    "window": QT_TRANSLATE_NOOP("AboutDialog", "窗口"),
    "server": QT_TRANSLATE_NOOP("AboutDialog", "服务器"),
}

Details = Mapping[str, str] | Callable[[], Mapping[str, str]]


def app_icon() -> QIcon:
    """The icon of every window and of the installers (resources/icons)."""
    icon = QIcon()
    for size in ICON_SIZES:
        file = resource_path("icons", f"yichuang-{size}.png")
        if file.exists():
            icon.addFile(str(file))
    return icon


def face_name(face: str) -> str:
    """窗口受理 / 自助登记机 / …, translated; an unknown face keeps its own name."""
    text = FACE_NAMES.get(face)
    return QCoreApplication.translate("AboutDialog", text) if text else face


def build_facts() -> list[tuple[str, str]]:
    """The release and what it runs on, with untranslated keys, for the support text."""
    return [
        ("Yichuang", VERSION),
        ("Python", platform.python_version()),
        ("Qt / PySide6", f"{qVersion()} / {PYSIDE_VERSION}"),
        ("OS", platform.platform()),
    ]


class AboutDialog(QDialog):
    """Name, version, face, terminal facts and licence; "复制信息" copies them as text."""

    def __init__(self, face: str, *, data_dir: pathlib.Path | str | None = None,
                 details: Mapping[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.face = face
        self.setWindowTitle(self.tr("关于一窗"))
        self.setWindowIcon(app_icon())
        self.rows: list[tuple[str, str]] = [
            (self.tr("版本"), VERSION),
            (self.tr("本机用途"), face_name(face)),
            *((self._label(k), v) for k, v in (details or {}).items()),
        ]
        if data_dir is not None:
            folder = pathlib.Path(data_dir)
            self.rows += [(self.tr("数据文件夹"), str(folder)),
                          (self.tr("日志"), str(folder / "logs" / "yichuang.log"))]
        self.rows += [(self.tr("运行环境"), f"Python {platform.python_version()}, "
                                          f"Qt {qVersion()}, {platform.system()}")]
        self._build()

    @staticmethod
    def _label(key: str) -> str:
        text = DETAIL_LABELS.get(key)
        return QCoreApplication.translate("AboutDialog", text) if text else key

    def _build(self) -> None:
        logo = QLabel(self)
        logo.setPixmap(QPixmap(str(resource_path("icons", "yichuang-64.png"))))
        title = QLabel(self.tr("一窗 Yichuang {version}").format(version=VERSION), self)
        title.setObjectName("aboutTitle")
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        subtitle = QLabel(self.tr("政务服务大厅窗口系统：窗口受理、自助登记、监管与同步"), self)
        subtitle.setWordWrap(True)
        head = QVBoxLayout()
        head.addWidget(title)
        head.addWidget(subtitle)
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(head, 1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, value in self.rows:
            text = QLabel(value, self)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            form.addRow(key, text)
        licence = QLabel(self.tr("自由软件，按 GNU 通用公共许可证第 3 版或更新版本（{licence}）"
                                 "发布，不提供任何担保。").format(licence=LICENCE), self)
        licence.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("复制信息"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addSpacing(8)
        lay.addLayout(form)
        lay.addSpacing(8)
        lay.addWidget(licence)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)

    def support_text(self) -> str:
        """Plain text for a support ticket: every row plus the build facts."""
        lines = [f"{k}: {v}" for k, v in build_facts()]
        lines += [f"{k}: {v}" for k, v in self.rows[1:]]
        return "\n".join(lines)

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.support_text())
        self.copy_button.setText(self.tr("已复制"))


def show_about(parent: QWidget | None, face: str, *, data_dir: pathlib.Path | str | None = None,
               details: Details | None = None) -> AboutDialog:
    """Open the About dialog (window-modal, returns at once) and hand it back."""
    facts = details() if callable(details) else details
    dialog = AboutDialog(face, data_dir=data_dir, details=facts, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def install_about(window: QWidget, face: str, *, data_dir: pathlib.Path | str | None = None,
                  details: Details | None = None) -> QAction:
    """F1 opens About in this window; the action is returned for the face's menu."""
    action = QAction(QCoreApplication.translate("AboutDialog", "关于一窗…"), window)
    action.setShortcut(QKeySequence(Qt.Key.Key_F1))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(
        lambda: show_about(window, face, data_dir=data_dir, details=details))
    window.addAction(action)
    return action
