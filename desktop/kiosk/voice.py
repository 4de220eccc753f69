"""Voice guidance for elderly mode, where the platform has a voice — silent otherwise.

QtTextToSpeech needs a speech engine (SAPI/WinRT on Windows, speech-dispatcher on
Linux) and, on Linux, libpulse just to import. A kiosk without either must still run:
every failure here ends in silence, logged once, never in an exception.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QLocale, QObject

log = logging.getLogger(__name__)


class Voice(QObject):
    """`say(text)` speaks when enabled and an engine exists; `available` tells which."""

    def __init__(self, *, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self._engine: Any = None
        self._tried = False

    @property
    def available(self) -> bool:
        return self._load() is not None

    def _load(self) -> Any:
        if self._tried:
            return self._engine
        self._tried = True
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError as exc:  # libpulse missing, module not shipped
            log.info("no text-to-speech module (%s): voice guidance is silent", exc)
            return None
        try:
            if not QTextToSpeech.availableEngines():
                log.info("no text-to-speech engine: voice guidance is silent")
                return None
            engine = QTextToSpeech(self)
            chinese = [loc for loc in engine.availableLocales()
                       if loc.language() == QLocale.Language.Chinese]
            if chinese:
                engine.setLocale(chinese[0])
            self._engine = engine
        except Exception as exc:  # a broken backend must not stop the kiosk
            log.warning("text-to-speech unusable: %r", exc)
            self._engine = None
        return self._engine

    def say(self, text: str) -> None:
        """Speak `text`, interrupting whatever is being said; nothing when unavailable."""
        if not self.enabled or not text:
            return
        engine = self._load()
        if engine is None:
            return
        try:
            engine.stop()
            engine.say(text)
        except Exception as exc:
            log.warning("speaking failed: %r", exc)

    def stop(self) -> None:
        if self._engine is not None:
            try:
                self._engine.stop()
            except Exception:  # stopping a dead engine is nothing to report
                log.debug("stopping speech failed", exc_info=True)
