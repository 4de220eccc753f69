"""Screenshots of the set-up wizard and the About dialog, as a person sees them.

Part of `yichuang demo --screenshot DIR`: each page of the wizard (and the About dialog)
is drawn centred on a screen-sized desktop of 1366×768 and of 1920×1080, so the PNGs
show whether the dialog fits the screens halls have. The wizard runs on a throw-away
data folder; the terminal page is set to standalone so no step waits on the network.
"""

from __future__ import annotations

import logging
import pathlib
import tempfile
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

SCREENS = ((1366, 768), (1920, 1080))
DESKTOP = QColor("#2f3e4e")


def on_screen(widget: QWidget, size: tuple[int, int]) -> QPixmap:
    """The widget drawn in the middle of an empty desktop of `size` pixels."""
    pix = QPixmap(*size)
    pix.fill(DESKTOP)
    shot = widget.grab()
    painter = QPainter(pix)
    painter.drawPixmap(QPoint((size[0] - shot.width()) // 2,
                              max(0, (size[1] - 40 - shot.height()) // 2)), shot)
    painter.end()
    return pix


class SetupTour(QObject):
    """Walks the wizard page by page on a timer (no processEvents loops), then quits."""

    def __init__(self, out_dir: pathlib.Path, lang: str | None = None) -> None:
        super().__init__()
        from desktop.about import AboutDialog
        from desktop.first_run import FirstRunWizard

        self.out = out_dir
        self.suffix = "" if lang in (None, "zh_CN") else f"-{lang}"
        self.lang = lang or "zh_CN"
        self._tmp = tempfile.TemporaryDirectory(prefix="yichuang-setup-")
        self.wizard = FirstRunWizard(self._tmp.name)
        self.about = AboutDialog("counter", data_dir=self._tmp.name,
                                 details={"terminal": "0007", "hall": "320102"})
        self.saved: list[pathlib.Path] = []
        self.exit_code = 0
        self.steps: list[tuple[str, Callable[[], None]]] = []

    def start(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        w = self.wizard
        w.show()
        for button in w.language_page.group.buttons():  # keep the tour's language
            button.setChecked(button.property("lang") == self.lang)
        w.terminal_page.standalone_done = True  # no replica is needed for pictures
        self.steps = [
            ("setup-1-language", lambda: None),
            ("setup-2-terminal", w.next),
            ("setup-3-face", lambda: (w.terminal_page.standalone_radio.setChecked(True),
                                      w.next())),
            ("setup-4-devices", lambda: (w.face_page.radios["kiosk"].setChecked(True)
                                         if "kiosk" in w.face_page.radios else None,
                                         w.next())),
            ("setup-5-pin", w.next),
            ("setup-6-done", lambda: (w.pin_page.pin.setText("4711"),
                                      w.pin_page.again.setText("4711"), w.next())),
        ]
        QTimer.singleShot(100, self._next)

    def _next(self) -> None:
        if not self.wizard.runner.idle():
            QTimer.singleShot(30, self._next)
            return
        if not self.steps:
            self.about.show()
            QTimer.singleShot(100, self._finish)
            return
        name, action = self.steps.pop(0)
        try:
            action()
        except Exception:
            log.exception("set-up screenshot step %s failed", name)
            self.exit_code = 1
        QTimer.singleShot(200, lambda: self._capture(self.wizard, name))

    def _capture(self, widget: QWidget, name: str, then: bool = True) -> None:
        for size in SCREENS:
            path = self.out / f"{name}-{size[0]}{self.suffix}.png"
            if not on_screen(widget, size).save(str(path)):
                self.exit_code = 1
            self.saved.append(path)
        if then:
            QTimer.singleShot(0, self._next)

    def _finish(self) -> None:
        self._capture(self.about, "about", then=False)
        self.about.close()
        self.wizard.reject()
        self.wizard.runner.shutdown()
        log.info("set-up screenshots saved: %d", len(self.saved))
        QApplication.instance().quit()


def save_screenshots(out_dir: pathlib.Path | str, lang: str | None = None) -> int:
    """Run the tour in the running QApplication; 0 when every PNG was written."""
    tour = SetupTour(pathlib.Path(out_dir), lang)
    tour.start()
    QApplication.instance().exec()
    return tour.exit_code
