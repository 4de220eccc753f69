"""The "模拟设备" window of demo mode: play the citizen and the hardware.

Place a sample card, take it away, make a read fail, pull a cable; press a key on the
serial pad; scan a code; put the printer out of paper or open its cover; see what was
printed, drawn from the printer simulator's captured bytes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.devices.demo import DemoDevices
from devices.idcard.samples import SAMPLE_CARDS
from devices.pad.interface import LEVELS

REFRESH_MS = 700
RECEIPT_PX = 320


def _button(text: str, slot, row: QHBoxLayout | QGridLayout, *pos: int) -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    row.addWidget(b, *pos)
    return b


class DemoControlWindow(QWidget):
    """Drives the simulators of :class:`DemoDevices`."""

    def __init__(self, demo: DemoDevices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.demo = demo
        self.setWindowTitle(self.tr("模拟设备"))
        self._printed = -1
        # one narrow column with two tabs: it fits beside the counter's login card on a
        # 1366×768 screen (desktop.demo places it there)
        devices = QWidget()
        left = QVBoxLayout(devices)
        left.addWidget(self._card_box())
        left.addWidget(self._pad_box())
        left.addWidget(self._scanner_box())
        left.addWidget(self._printer_box())
        left.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.addTab(devices, self.tr("设备"))
        self.tabs.addTab(self._receipt_box(), self.tr("打印出的回执"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(self.tabs)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self.refresh()

    # -- boxes --------------------------------------------------------------------------
    def _card_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("身份证阅读器"))
        box = QVBoxLayout(group)
        self.card_choice = QComboBox()
        for key, card in SAMPLE_CARDS.items():
            self.card_choice.addItem(f"{card.name}（{self._card_type(card.card_type)}）", key)
        box.addWidget(self.card_choice)
        row = QHBoxLayout()
        _button(self.tr("放卡"), self.place_card, row)
        _button(self.tr("拿走"), lambda: self.demo.idcard.remove(), row)
        _button(self.tr("下次读卡失败"), lambda: self.demo.idcard.fail_next_read(), row)
        box.addLayout(row)
        box.addLayout(self._plug_row(lambda: self.demo.idcard))
        self.card_state = QLabel()
        box.addWidget(self.card_state)
        return group

    def _card_type(self, card_type: str) -> str:
        return {"resident": self.tr("居民身份证"), "hk_mo_tw": self.tr("港澳台居住证"),
                "foreign_2017": self.tr("外国人永久居留证"),
                "foreign_2023": self.tr("外国人永久居留身份证")}.get(card_type, card_type)

    def _plug_row(self, sim) -> QHBoxLayout:
        row = QHBoxLayout()
        _button(self.tr("拔出"), lambda: sim().unplug(), row)
        _button(self.tr("插回"), lambda: sim().replug(), row)
        return row

    def _pad_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("串口评价器（YC-PAD/1）"))
        box = QVBoxLayout(group)
        grid = QGridLayout()
        for i, level in enumerate((5, 4, 3, 2, 1)):
            _button(f"{level} {LEVELS[level]}",
                    lambda _=False, lv=level: self.demo.pad.press(lv,
                                                                  "slow" if lv <= 2 else None),
                    grid, i // 3, i % 3)
        box.addLayout(grid)
        box.addLayout(self._plug_row(lambda: self.demo.pad))
        self.pad_state = QLabel()
        self.pad_state.setWordWrap(True)
        box.addWidget(self.pad_state)
        return group

    def _scanner_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("串口扫码枪"))
        row = QHBoxLayout(group)
        self.scan_code = QLineEdit()
        self.scan_code.setPlaceholderText(self.tr("办件编号或告知单编号"))
        row.addWidget(self.scan_code, 1)
        _button(self.tr("扫码"), self.scan, row)
        return group

    def _printer_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("小票打印机"))
        box = QVBoxLayout(group)
        row = QHBoxLayout()
        for state, label in (("ok", self.tr("正常")), ("paper_out", self.tr("缺纸")),
                             ("cover_open", self.tr("开盖")), ("offline", self.tr("脱机"))):
            _button(label, lambda _=False, s=state: self.set_printer(s), row)
        box.addLayout(row)
        self.printer_state = QLabel()
        box.addWidget(self.printer_state)
        return group

    def _receipt_box(self) -> QGroupBox:
        group = QGroupBox(self.tr("打印出的回执"))
        box = QVBoxLayout(group)
        self.receipt = QLabel(self.tr("（还没有打印）"))
        scroll = QScrollArea()
        scroll.setWidget(self.receipt)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(RECEIPT_PX + 30)
        box.addWidget(scroll, 1)
        _button(self.tr("清空"), self.clear_receipts, box)
        return group

    # -- actions ------------------------------------------------------------------------
    def place_card(self) -> None:
        """Put the chosen sample card on the reader."""
        self.demo.idcard.present(self.card_choice.currentData())
        self.refresh()

    def scan(self) -> None:
        """Send the typed code from the serial scanner."""
        code = self.scan_code.text().strip()
        if code and code.isascii():
            self.demo.scanner.scan(code)

    def set_printer(self, state: str) -> None:
        """ok / paper_out / cover_open / offline."""
        self.demo.printer.set_state(state)
        self.refresh()

    def clear_receipts(self) -> None:
        self.demo.printer.clear()
        self._printed = -1
        self.refresh()

    # -- state ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show what the simulators are doing (a timer calls this)."""
        sim = self.demo.idcard
        if sim is None:
            return
        card = sim.card
        if not sim.plugged:
            self.card_state.setText(self.tr("已拔出"))
        else:
            self.card_state.setText(self.tr("卡上：{0}").format(card.name) if card
                                    else self.tr("阅读器上没有卡"))
        pad = self.demo.pad
        screens = {"idle": self.tr("待机"), "welcome": self.tr("欢迎"),
                   "staff": self.tr("工作人员信息"), "thanks": self.tr("感谢评价")}
        shown = str(pad.display.get("screen", "idle"))
        self.pad_state.setText(self.tr("等待按键…") if pad.waiting_for_key
                               else self.tr("显示：{0}").format(screens.get(shown, shown)))
        states = {None: self.tr("就绪"), "paper_out": self.tr("缺纸"),
                  "cover_open": self.tr("开盖"), "offline": self.tr("脱机"),
                  "error": self.tr("故障")}
        reason = self.demo.printer.status.reason
        self.printer_state.setText(self.tr("状态：{0}").format(states.get(reason, reason)))
        self._refresh_receipt()

    def _refresh_receipt(self) -> None:
        printed = self.demo.printer.printed_bytes()
        if len(printed) == self._printed:
            return
        self._printed = len(printed)
        if printed:
            self.tabs.setTabText(1, self.tr("打印出的回执 ●"))  # something new to look at
        if not printed:
            self.receipt.setPixmap(QPixmap())
            self.receipt.setText(self.tr("（还没有打印）"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(self.demo.printer.render_png(), "PNG")
        # 576 dots of an 80 mm roll shown at about its real width on a screen
        self.receipt.setPixmap(pixmap.scaledToWidth(RECEIPT_PX,
                                                    Qt.TransformationMode.SmoothTransformation))
