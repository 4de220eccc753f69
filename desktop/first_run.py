"""First-run dialog: enrol with a server (URL + one-time code) or run standalone (demo).

The work is `sync.enrol.enrol` / `sync.enrol.standalone` (Qt-free); enrolment talks to
the network, so it runs on a plain thread and its result comes back as a queued signal.
"""

from __future__ import annotations

import pathlib

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import TaskRunner
from sync.enrol import EnrolError, enrol, standalone
from sync.replica import DB_NAME


class FirstRunDialog(QDialog):
    """Accepted when the terminal is enrolled or set to standalone."""

    sig_enrol_finished = Signal(object, str)
    """(Enrolment or None, error message) — emitted from the enrolment thread."""

    def __init__(self, data_dir: pathlib.Path | str, parent: QWidget | None = None, *,
                 runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.data_dir = pathlib.Path(data_dir)
        # the enrolment talks to the network: on the task runner's I/O lane, never here
        self.runner = runner or TaskRunner(self.data_dir / DB_NAME, parent=self)
        self.result_text = ""
        self.setWindowTitle(self.tr("首次使用"))
        self.server = QLineEdit(self)
        self.server.setPlaceholderText("http://10.0.0.5:8470")
        self.code = QLineEdit(self)
        self.code.setPlaceholderText("XXXX-XXXX-XXXX")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.enrol_button = QPushButton(self.tr("注册此终端"), self)
        self.demo_button = QPushButton(self.tr("单机演示模式"), self)
        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.server)
        form.addRow(self.tr("注册码"), self.code)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.enrol_button)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("请输入管理员提供的服务器地址和一次性注册码；"
                                     "没有服务器时可先以单机模式演示。"), self))
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        self.enrol_button.clicked.connect(self.start_enrol)
        self.demo_button.clicked.connect(self.choose_standalone)
        self.sig_enrol_finished.connect(self._enrol_finished)

    @Slot()
    def start_enrol(self) -> None:
        server, code = self.server.text().strip(), self.code.text().strip()
        if not server or not code:
            self.message.setText(self.tr("请填写服务器地址和注册码"))
            return
        self._busy(True)
        self.message.setText(self.tr("正在连接服务器…"))

        def work() -> None:
            try:
                self.sig_enrol_finished.emit(enrol(self.data_dir, server, code), "")
            except EnrolError as exc:
                self.sig_enrol_finished.emit(None, str(exc))

        self.runner.io(work)

    @Slot(object, str)
    def _enrol_finished(self, got: object, error: str) -> None:
        self._busy(False)
        if got is None:
            self.message.setText(error)
            return
        self.result_text = self.tr("已注册为终端 %1（%2）").replace(
            "%1", got.terminal_code).replace("%2", got.hall_name)  # type: ignore[attr-defined]
        self.accept()

    @Slot()
    def choose_standalone(self) -> None:
        standalone(self.data_dir)
        self.result_text = self.tr("单机演示模式")
        self.accept()

    def _busy(self, busy: bool) -> None:
        for w in (self.enrol_button, self.demo_button, self.server, self.code):
            w.setEnabled(not busy)
