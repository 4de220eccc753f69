"""Tell a keyboard-wedge scan from typing by timing alone (pure, no Qt).

A USB-HID scanner types a code ~7–8 ms per key and ends with Enter; a person types
far slower. The desktop's key filter swallows every key, feeds it here with its
timestamp, and re-sends whatever comes back as :class:`Typing`. Keys are held while
each gap stays under ``gap_ms``; the burst is a :class:`Scan` when it has at least
``min_length`` characters (prefix and suffix excluded), carries the configured prefix,
and ends with the configured suffix. With no suffix configured, a fast burst that
stops is a scan. The desktop calls :meth:`WedgeClassifier.flush` from a timer
(every ``gap_ms``) so held keys come back when the typist pauses.

No key is ever lost or reordered: the ``raw`` of all emitted events, joined, is exactly
the input (a property test checks it).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scan:
    """A scanned code, prefix and suffix removed; ``raw`` is every key consumed."""

    code: str
    raw: str


@dataclass(frozen=True)
class Typing:
    """Keys that were typed by a person: hand them back to the focused widget."""

    raw: str


Event = Scan | Typing


class WedgeClassifier:
    """Feed ``(char, timestamp_ms)``; get back scans and typing, in input order."""

    def __init__(
        self, *, gap_ms: float = 40.0, min_length: int = 6, prefix: str = "", suffix: str = "\r"
    ) -> None:
        if gap_ms <= 0 or min_length < 1:
            raise ValueError("gap_ms must be > 0 and min_length >= 1")
        self.gap_ms = gap_ms
        self.min_length = min_length
        self.prefix = prefix
        self.suffix = suffix
        self._buf: list[str] = []
        self._last_ms = 0.0

    @property
    def pending(self) -> bool:
        """True while keys are held (the caller should call :meth:`flush` soon)."""
        return bool(self._buf)

    def feed(self, char: str, t_ms: float) -> list[Event]:
        """One key (a single character, Enter as ``"\\r"``) pressed at ``t_ms``."""
        out: list[Event] = []
        if self._buf and t_ms - self._last_ms > self.gap_ms:
            out += self._release()
        self._buf.append(char)
        self._last_ms = t_ms
        text = "".join(self._buf)
        if self.prefix and not _compatible(text, self.prefix):
            out += self._release()  # cannot become a scan: no need to hold the keys
        elif self.suffix and text.endswith(self.suffix) and len(text) > len(self.suffix):
            out += self._take(text)
        elif self.suffix and text == self.suffix:
            out += self._release()  # a lone Enter is the typist's
        return out

    def flush(self, now_ms: float) -> list[Event]:
        """Release held keys once ``gap_ms`` passed without a key."""
        if self._buf and now_ms - self._last_ms > self.gap_ms:
            return self._release()
        return []

    def reset(self) -> list[Event]:
        """Release everything held now (focus change, window hidden)."""
        return self._release() if self._buf else []

    def _release(self) -> list[Event]:
        text = "".join(self._buf)
        if not self.suffix:
            return self._take(text)
        self._buf.clear()
        return [Typing(text)]

    def _take(self, text: str) -> list[Event]:
        """A scan if ``text`` is prefix + ≥ min_length characters + suffix, else typing."""
        self._buf.clear()
        core = text[len(self.prefix) :] if text.startswith(self.prefix) else None
        if core is not None and self.suffix:
            core = core[: -len(self.suffix)] if core.endswith(self.suffix) else None
        if core is not None and len(core) >= self.min_length:
            return [Scan(core, text)]
        return [Typing(text)]


def _compatible(text: str, prefix: str) -> bool:
    """True while ``text`` can still start with ``prefix``."""
    n = min(len(text), len(prefix))
    return text[:n] == prefix[:n]
