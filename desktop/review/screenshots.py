"""`yichuang demo --face review --screenshot DIR`: a PNG of each main screen of the
reviewer face, at 1366×768 and 1920×1080.

Driven through the real window on a throw-away replica with the demo catalog and the
back office's demo cases: a clerk refused, the queue with its colours, a paused case,
a house sale with its two parties, the 不予许可 dialog and the decision paper it
prints, the head's queue and the extension dialog.
"""

from __future__ import annotations

import logging
import pathlib
import tempfile
from typing import Any

log = logging.getLogger(__name__)

SIZES = {"1366": (1366, 768), "1920": (1920, 1080)}


def _settle(ms: int = 60) -> None:
    """Let queued paints and timers run (an event loop with a timeout, no processEvents)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Camera:
    """Grabs the window, with an open dialog painted over it as a person sees it."""

    def __init__(self, out: pathlib.Path, suffix: str) -> None:
        self.out, self.suffix, self.saved = out, suffix, 0

    def shoot(self, name: str, window: Any, dialog: Any = None) -> None:
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QColor, QPainter

        _settle()
        pix = window.grab()
        if dialog is not None:
            d = dialog.grab()
            painter = QPainter(pix)
            painter.fillRect(pix.rect(), QColor(0, 0, 0, 90))
            painter.drawPixmap(QPoint(max(0, (pix.width() - d.width()) // 2),
                                      max(20, (pix.height() - d.height()) // 3)), d)
            painter.end()
        if pix.save(str(self.out / f"review-{name}{self.suffix}.png")):
            self.saved += 1


def _login(shell: Any, no: str) -> None:
    shell.login.staff_no.setText(no)
    shell.login.password.setText("1234")
    shell.login.submit()


def _open(shell: Any, *, item_no: str | None = None, pending: bool = False,
          paused: bool = False) -> None:
    for r in shell.queue.model.rows:
        if (item_no and r["item_no"] == item_no) or (pending and r.get("extension_pending")) \
                or (paused and r.get("paused")):
            shell.open_case(r["id"])
            return


def _tour(shell: Any, cam: Camera, size: str) -> None:
    from desktop.counter.dialogs import ReasonDialog
    from desktop.review import actions
    from domain import events as ev

    w, h = SIZES[size]
    shell.resize(w, h)
    shell.show()
    _login(shell, "1001")  # a clerk: refused by the rule table
    cam.shoot(f"01-login-clerk-refused-{size}", shell)
    _login(shell, "1050")
    _open(shell, item_no="0101")
    cam.shoot(f"02-queue-{size}", shell)
    _open(shell, paused=True)
    cam.shoot(f"03-case-paused-{size}", shell)
    _open(shell, item_no="0105")
    dialog = actions.dialog_for(ev.REJECTED, shell.panel.case, shell.staff, shell)
    assert isinstance(dialog, ReasonDialog)
    dialog.reason.setPlainText("经现场核查，申请人经营场所的食品处理区与非食品处理区未有效分隔，"
                               "不符合食品经营许可的法定条件。")
    dialog.show()
    cam.shoot(f"04-reject-dialog-{size}", shell, dialog)
    payload = dialog.payload()
    dialog.close()
    previews: list[Any] = []
    from desktop.printing import preview

    original = preview.PreviewDialog.show
    preview.PreviewDialog.show = lambda self: (previews.append(self), original(self))[1]
    try:
        shell.do_step(ev.REJECTED, payload)
    finally:
        preview.PreviewDialog.show = original
    _settle(400)
    if previews:
        cam.shoot(f"05-decision-paper-{size}", shell, previews[-1])
        previews[-1].close()
    shell.logout()
    _login(shell, "1054")
    _open(shell, item_no="0301")
    cam.shoot(f"06-house-sale-parties-{size}", shell)
    shell.logout()
    _login(shell, "1070")
    _open(shell, pending=True)
    cam.shoot(f"07-head-queue-{size}", shell)
    dialog = actions.dialog_for(ev.EXTENDED, shell.panel.case, shell.staff, shell)
    dialog.show()
    cam.shoot(f"08-head-extension-dialog-{size}", shell, dialog)
    dialog.close()
    shell.logout()


def run(data_dir: pathlib.Path | str, screenshot_dir: pathlib.Path | str,
        lang: str | None = None) -> int:
    """Save the PNGs into `screenshot_dir`; 0 when every one was written."""
    from desktop.app import create_application
    from desktop.review.demo import seed_replica
    from desktop.review.launch import build
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    lang = lang or "zh_CN"
    create_application(lang)
    out = pathlib.Path(screenshot_dir)
    out.mkdir(parents=True, exist_ok=True)
    cam = Camera(out, "" if lang == "zh_CN" else f"-{lang}")
    expected = 0
    for size in SIZES:
        with tempfile.TemporaryDirectory(prefix="yc-review-shots-") as tmp:
            d = pathlib.Path(tmp)
            seed_replica(d)
            shell = build(d, runner=InlineTaskRunner(d / DB_NAME))
            try:
                _tour(shell, cam, size)
            finally:
                controller = getattr(shell, "sync_controller", None)
                if controller is not None:
                    controller.stop()
                shell.close()
                shell.shutdown()
        expected += 8
    log.info("review screenshots: %d of %d in %s", cam.saved, expected, out)
    return 0 if cam.saved == expected else 1
