"""The ID-card reader on its device thread: a watch loop all day, cards as signals.

The driver's :meth:`devices.idcard.driver.IdCardReader.watch` does the polling (≥ 300
ms apart), the de-duplication and the reopening after an unplug; this service turns
its events into signals on the GUI thread. The card dict carries the whole ID number
because the applicant form needs it; it is never logged (only the masked number is).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.devices import messages
from desktop.devices.state import DeviceService, DeviceState
from devices.errors import DeviceError
from devices.idcard.driver import (
    CardRead,
    CardRemoved,
    IdCardReader,
    ReaderOffline,
    ReaderOnline,
    ReadFailed,
)

log = logging.getLogger(__name__)


def card_dict(card: Any) -> dict[str, Any]:
    """What ``fill_from_card`` takes: name, gender, nation, birth_date, address,
    id_number (whole), card_type — plus the type-specific extras of the card."""
    return card.to_json_dict(show_id=True)


class CardReaderService(DeviceService):
    """One reader; ``start(url)`` begins watching, ``stop()`` ends it."""

    device = "idcard"

    sig_card_read = Signal(dict)
    """A card was placed and read: the card as a dict (ID number whole — never log it)."""
    sig_card_removed = Signal()
    """The card that was read has been lifted."""
    sig_card_error = Signal(str, str)
    """A card is there but failed: (error code, the clerk's sentence)."""
    _sig_event = Signal(object)  # from the device thread to the GUI thread

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        reader_factory: Callable[[str], IdCardReader] = IdCardReader,
    ) -> None:
        super().__init__(parent)
        self._factory = reader_factory
        self._reader: IdCardReader | None = None
        self._halted: set[int] = set()  # ids of readers told to stop
        self.url = ""
        self._sig_event.connect(self._on_event)

    # -- watching ---------------------------------------------------------------------
    def start(self, url: str) -> None:
        """Watch the reader at ``url`` (empty: not configured, grey light)."""
        self.stop()
        self.url = url
        if not url:
            self._set_status(DeviceState.OFF, self.tr("未配置"))
            return
        self._set_status(DeviceState.BUSY, self.tr("正在连接…"))
        self._submit_watch()

    def _submit_watch(self) -> None:
        reader = self._factory(self.url)
        self._reader = reader
        self._halted.discard(id(reader))
        self.thread.submit(lambda: self._watch(reader), on_error=self._on_crash,
                           stop=lambda: self._stop_reader(reader))

    def _watch(self, reader: IdCardReader) -> None:
        """Runs on the device thread until ``reader.stop()``."""
        if id(reader) in self._halted:
            return  # stopped while it waited behind another job
        for event in reader.watch():
            self._sig_event.emit((reader, event))

    def _stop_reader(self, reader: IdCardReader) -> None:
        self._halted.add(id(reader))
        reader.stop()
        # watch() clears the driver's stop flag when it starts: a stop that lands in
        # that instant would be lost, so say it once more a little later.
        QTimer.singleShot(200, reader.stop)

    def stop(self) -> None:
        """End the watch loop (returns at once; the thread finishes within ~50 ms)."""
        if self._reader is not None:
            self._stop_reader(self._reader)
            self._reader = None

    def _on_crash(self, exc: BaseException) -> None:
        log.error("card watch loop ended: %r", exc)
        self._set_status(DeviceState.FAULT, self.tr("阅读器程序出错，请重启一窗"))

    @Slot(object)
    def _on_event(self, item: tuple[IdCardReader, object]) -> None:
        reader, event = item
        if reader is not self._reader:
            return  # a late event of a loop that was stopped
        match event:
            case ReaderOnline():
                self._set_status(DeviceState.OK, self.tr("阅读器已连接，可以放卡"))
            case ReaderOffline(error=error):
                self._set_status(DeviceState.FAULT, messages.message(error.code))
            case CardRead(card=card):
                log.info("card read: %s %s", card.card_type, card.masked_id)
                self.sig_card_read.emit(card_dict(card))
            case CardRemoved():
                self.sig_card_removed.emit()
            case ReadFailed(error=error):
                log.info("card read failed: %s", error.code)
                self.sig_card_error.emit(error.code, messages.message(error.code))

    # -- the settings screen's test ---------------------------------------------------
    def test(
        self, url: str, on_done: Callable[[str], None], on_error: Callable[[str, str], None]
    ) -> None:
        """Open ``url``, check the SAM and read its id; the watch resumes afterwards.

        Runs on this reader's thread so the test never fights the watch for the port.
        """
        watching = self._reader is not None
        self.stop()

        def job() -> str:
            with self._factory(url) as reader:
                reader.sam_status()
                return reader.sam_id()

        def done(sam_id: str) -> None:
            on_done(self.tr("阅读器正常，安全模块号 {0}").format(sam_id))
            self._resume(watching)

        def failed(exc: BaseException) -> None:
            code = exc.code if isinstance(exc, DeviceError) else "idcard.unknown"
            on_error(code, messages.message(code))
            self._resume(watching)

        self.thread.submit(job, done, failed)

    def _resume(self, watching: bool) -> None:
        if watching and self.url and self._reader is None:
            self._submit_watch()
