"""The device settings screen: pick a port, test it, save.

Each device has its own box: a port from the list of ports that exist (or a URL typed
by hand), its options, a 测试 button and the answer. A test runs on that device's own
thread (read the SAM id, greet on the pad, query the printer's status), so the screen
never freezes and never fights a running device for its port. 保存 puts the settings
in force at once through :meth:`DeviceHub.apply`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.devices.hub import DeviceHub
from desktop.devices.port_combo import PortCombo
from desktop.devices.settings import DeviceSettings
from devices.errors import PadError
from devices.pad.generic_keypad import parse_key_table
from devices.ports import PortInfo, list_serial_ports

log = logging.getLogger(__name__)

SUFFIXES = (("\r", "CR (回车)"), ("\r\n", "CR LF"), ("\n", "LF"), ("\t", "Tab"), ("", "—"))


class TestRow(QWidget):
    """A 测试 button and the answer next to it."""

    def __init__(self, run: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.button = QPushButton(self.tr("测试"))
        self.button.clicked.connect(run)
        self.result = QLabel()
        self.result.setWordWrap(True)
        row.addWidget(self.button)
        row.addWidget(self.result, 1)

    def running(self) -> None:
        self.button.setEnabled(False)
        self.result.setStyleSheet("color: #6b7a90;")
        self.result.setText(self.tr("正在测试…"))

    def ok(self, text: str) -> None:
        self.button.setEnabled(True)
        self.result.setStyleSheet("color: #1b7a3a;")
        self.result.setText("✓ " + text)

    def failed(self, _code: str, text: str) -> None:
        self.button.setEnabled(True)
        self.result.setStyleSheet("color: #b3261e;")
        self.result.setText("✗ " + text)


class DeviceSettingsScreen(QWidget):
    """Settings of the four devices of this terminal."""

    sig_saved = Signal(object)
    """The clerk saved; the DeviceSettings now in force."""

    def __init__(self, hub: DeviceHub, parent: QWidget | None = None, *,
                 runner: Any = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.runner = runner
        self.setWindowTitle(self.tr("设备设置"))
        box = QVBoxLayout(self)
        box.addWidget(self._idcard_box())
        box.addWidget(self._scanner_box())
        box.addWidget(self._pad_box())
        box.addWidget(self._printer_box())
        box.addStretch(1)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("刷新端口列表"))
        self.refresh_button.clicked.connect(self.refresh_ports)
        self.message = QLabel()
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("还原"))
        self.revert_button.clicked.connect(lambda: self.load(self.hub.settings))
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        box.addLayout(buttons)
        self.load(hub.settings or DeviceSettings())
        self.refresh_ports()

    # -- boxes --------------------------------------------------------------------------
    def _idcard_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("身份证阅读器"))
        form = QFormLayout(group)
        self.idcard_port = PortCombo(self.tr("未配置：手工录入身份信息"))
        form.addRow(self.tr("端口"), self.idcard_port)
        self.idcard_test = TestRow(self._test_idcard)
        form.addRow("", self.idcard_test)
        return group

    def _scanner_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("扫码枪"))
        form = QFormLayout(group)
        self.scanner_port = PortCombo(self.tr("键盘模式（USB键盘）：无需端口"))
        form.addRow(self.tr("串口扫码枪端口"), self.scanner_port)
        self.scanner_prefix = QLineEdit()
        self.scanner_prefix.setPlaceholderText(self.tr("无"))
        form.addRow(self.tr("前缀"), self.scanner_prefix)
        self.scanner_suffix = QComboBox()
        for value, label in SUFFIXES:
            self.scanner_suffix.addItem(label, value)
        form.addRow(self.tr("后缀"), self.scanner_suffix)
        self.wedge_gap = QSpinBox()
        self.wedge_gap.setRange(5, 200)
        self.wedge_gap.setSuffix(" ms")
        form.addRow(self.tr("键盘模式按键间隔上限"), self.wedge_gap)
        self.scanner_test = TestRow(self._test_scanner)
        form.addRow("", self.scanner_test)
        return group

    def _pad_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("评价器"))
        form = QFormLayout(group)
        self.pad_backend = QComboBox()
        for value, label in (("screen", self.tr("屏幕评价（第二屏或触摸屏）")),
                             ("yc-pad", self.tr("串口评价器（YC-PAD/1 协议）")),
                             ("keypad", self.tr("通用按键评价器")),
                             ("none", self.tr("不使用评价器"))):
            self.pad_backend.addItem(label, value)
        self.pad_backend.currentIndexChanged.connect(self._pad_backend_changed)
        form.addRow(self.tr("类型"), self.pad_backend)
        self.pad_port = PortCombo(self.tr("串口评价器的端口"))
        form.addRow(self.tr("端口"), self.pad_port)
        self.pad_address = QSpinBox()
        self.pad_address.setRange(0, 255)
        form.addRow(self.tr("地址（RS-485）"), self.pad_address)
        self.pad_keys = QLineEdit()
        self.pad_keys.setToolTip(self.tr("按键→等级，如 1=5,2=4,3=3,4=2,5=1"))
        form.addRow(self.tr("按键对照表"), self.pad_keys)
        self.pad_timeout = QSpinBox()
        self.pad_timeout.setRange(5, 300)
        self.pad_timeout.setSuffix(self.tr(" 秒"))
        form.addRow(self.tr("等待评价"), self.pad_timeout)
        self.pad_second_screen = QCheckBox(self.tr("屏幕评价显示在第二块屏幕上"))
        form.addRow("", self.pad_second_screen)
        self.pad_test = TestRow(self._test_pad)
        form.addRow("", self.pad_test)
        return group

    def _printer_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("小票打印机"))
        form = QFormLayout(group)
        self.printer_port = PortCombo(self.tr("未配置：回执另存为PDF"))
        form.addRow(self.tr("端口"), self.printer_port)
        self.printer_width = QComboBox()
        self.printer_width.addItem(self.tr("80 毫米"), 80)
        self.printer_width.addItem(self.tr("58 毫米"), 58)
        form.addRow(self.tr("纸宽"), self.printer_width)
        self.printer_test = TestRow(self._test_printer)
        form.addRow("", self.printer_test)
        return group

    def _pad_backend_changed(self) -> None:
        backend = self.pad_backend.currentData()
        serial = backend in ("yc-pad", "keypad")
        self.pad_port.setEnabled(serial)
        self.pad_address.setEnabled(backend == "yc-pad")
        self.pad_keys.setEnabled(backend == "keypad")
        self.pad_timeout.setEnabled(backend != "none")
        self.pad_second_screen.setEnabled(backend != "none")

    # -- values -------------------------------------------------------------------------
    def load(self, s: DeviceSettings | None) -> None:
        """Show ``s`` in the widgets."""
        s = s or DeviceSettings()
        self.idcard_port.set_url(s.idcard_url)
        self.scanner_port.set_url(s.scanner_url)
        self.scanner_prefix.setText(s.scanner_prefix)
        self.scanner_suffix.setCurrentIndex(max(0, self.scanner_suffix.findData(s.scanner_suffix)))
        self.wedge_gap.setValue(s.wedge_gap_ms)
        self.pad_backend.setCurrentIndex(max(0, self.pad_backend.findData(s.pad_backend)))
        self.pad_port.set_url(s.pad_url)
        self.pad_address.setValue(s.pad_address)
        self.pad_keys.setText(s.pad_key_table)
        self.pad_timeout.setValue(s.pad_timeout_s)
        self.pad_second_screen.setChecked(s.screen_pad_second_screen)
        self.printer_port.set_url(s.printer_url)
        self.printer_width.setCurrentIndex(max(0, self.printer_width.findData(s.printer_width_mm)))
        self._pad_backend_changed()
        self.message.clear()

    def values(self) -> DeviceSettings:
        """The settings as shown (not saved)."""
        return (self.hub.settings or DeviceSettings()).replace(
            idcard_url=self.idcard_port.url(), scanner_url=self.scanner_port.url(),
            scanner_prefix=self.scanner_prefix.text(),
            scanner_suffix=self.scanner_suffix.currentData(),
            wedge_gap_ms=self.wedge_gap.value(), pad_backend=self.pad_backend.currentData(),
            pad_url=self.pad_port.url(), pad_address=self.pad_address.value(),
            pad_key_table=self.pad_keys.text().strip(), pad_timeout_s=self.pad_timeout.value(),
            screen_pad_second_screen=self.pad_second_screen.isChecked(),
            printer_url=self.printer_port.url(),
            printer_width_mm=self.printer_width.currentData(),
        )

    def save(self) -> None:
        """Check, put in force and save."""
        s = self.values()
        if s.pad_backend == "keypad":
            try:
                parse_key_table(s.pad_key_table)
            except PadError:
                self._say(self.tr("按键对照表有误，格式如 1=5,2=4,3=3,4=2,5=1"), ok=False)
                return
        self.hub.apply(s)
        self._say(self.tr("已保存并生效"), ok=True)
        self.sig_saved.emit(s)

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setStyleSheet("color: #1b7a3a;" if ok else "color: #b3261e;")
        self.message.setText(text)

    # -- ports and tests ------------------------------------------------------------------
    def refresh_ports(self) -> None:
        """List the serial ports (on the I/O lane when the counter gave us its runner)."""
        if self.runner is None:
            self._set_ports(list_serial_ports())
        else:
            self.runner.io(list_serial_ports, self._set_ports)

    def _set_ports(self, ports: list[PortInfo]) -> None:
        for combo in (self.idcard_port, self.scanner_port, self.pad_port, self.printer_port):
            combo.set_ports(ports)

    def _test(self, row: TestRow, url: str, start: Callable[..., None], *args: Any) -> None:
        if not url and start is not self.hub.pad.test:
            row.failed("", self.tr("请先选择端口"))
            return
        row.running()
        start(*args, row.ok, row.failed)

    def _test_idcard(self) -> None:
        url = self.idcard_port.url()
        self._test(self.idcard_test, url, self.hub.card_reader.test, url)

    def _test_scanner(self) -> None:
        url = self.scanner_port.url()
        self._test(self.scanner_test, url, self.hub.scanner.test, url)

    def _test_pad(self) -> None:
        s = self.values()
        self._test(self.pad_test, s.pad_url, self.hub.pad.test, s)

    def _test_printer(self) -> None:
        url = self.printer_port.url()
        self._test(self.printer_test, url, self.hub.printer.test, url)
