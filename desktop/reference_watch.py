"""Noticing that the centre's reference data changed, whoever pulled it.

A pull may run in the face's own sync worker, in `yichuang sync` beside it, or in a
test: all of them bump the replica's `reference_version` counter in the transaction
that stores the rows. `ReferenceWatch` reads that counter on the task runner's reader
lane every few seconds (and at once when asked, e.g. after a sync round) and says when
it moved, so the kiosk's item list, the counter's item picker and the calendar banner
follow a new catalog or calendar without a restart.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot


def _version(replica: Any) -> int:
    from sync import reference

    return reference.data_version(replica)


class ReferenceWatch(QObject):
    """Polls the replica's reference version through `runner.read`."""

    sig_reference_changed = Signal(int)
    """Reference data changed since the last look (the new version)."""

    def __init__(self, runner: Any, *, seconds: float = 5.0,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.version: int | None = None
        self._asking = False
        self.timer = QTimer(self, interval=int(seconds * 1000))
        self.timer.timeout.connect(self.check)

    def start(self, version: int | None = None) -> None:
        """Watch from `version` (what the face loaded), or from the current one."""
        self.version = version
        self.timer.start()
        if version is None:
            self.check()

    def stop(self) -> None:
        self.timer.stop()

    @Slot()
    def check(self) -> None:
        if self._asking:
            return
        self._asking = True
        self.runner.read(_version, self._seen, self._failed)

    def _failed(self, _exc: BaseException) -> None:
        self._asking = False  # a locked file now is a read that works next time

    def _seen(self, version: int) -> None:
        self._asking = False
        known, self.version = self.version, version
        if known is not None and version != known:
            self.sig_reference_changed.emit(version)
