"""Open a device by pyserial URL and read from it against deadlines.

Every driver talks to its device through a :class:`Port`: ``COM3``, ``/dev/ttyUSB0``,
a pty path, ``socket://host:port``, ``rfc2217://…``, ``loop://`` or ``spy://…`` for
field debugging all work the same way because pyserial's ``serial_for_url`` does the
opening. The Port adds what pyserial leaves to the caller:

* deadlines instead of per-call timeouts, so "3 s for the whole read" stays 3 s however
  the USB bridge chunks the bytes;
* reads sliced into short waits so a ``stop`` event ends a blocking call quickly;
* pyserial's and the OS's exceptions turned into the device's typed error
  (``<device>.unavailable`` / ``.disconnected`` / ``.timeout`` / ``.cancelled``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from devices.errors import DeviceError

log = logging.getLogger(__name__)


class _Pyserial:
    """pyserial, imported when a port is first used rather than when a face imports its
    drivers: a kiosk's start page shows before any port is opened."""

    def __getattr__(self, name: str) -> Any:
        import serial as module

        return getattr(module, name)


if TYPE_CHECKING:
    import serial
else:
    serial = _Pyserial()

#: Longest single wait inside a read, so a stop request is noticed within this time.
SLICE_S = 0.05


def deadline_in(seconds: float) -> float:
    """A monotonic deadline ``seconds`` from now (the unit every read here takes)."""
    return time.monotonic() + seconds


class Port:
    """A byte pipe to one device, opened by URL, raising ``error_cls`` on failure.

    Not thread-safe: one worker owns a Port. ``stop_event`` may be set from any thread
    to make a blocked read give up with ``<device>.cancelled``.
    """

    def __init__(
        self,
        url: str,
        *,
        error_cls: type[DeviceError],
        baudrate: int = 9600,
        stop_event: threading.Event | None = None,
        opener: Callable[..., serial.SerialBase] | None = None,
    ) -> None:
        self.url = url
        self.error_cls = error_cls
        self.baudrate = baudrate
        self.stop_event = stop_event or threading.Event()
        self._opener = opener  # None: pyserial's serial_for_url, looked up in open()
        self._ser: serial.SerialBase | None = None
        self._received_any = False

    # -- lifecycle ----------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        """True while the underlying port is open."""
        return self._ser is not None and self._ser.is_open

    def open(self) -> Port:
        """Open the port (8N1, no flow control); ``<device>.unavailable`` if it cannot."""
        if self.is_open:
            return self
        try:
            opener = self._opener or serial.serial_for_url
            self._ser = opener(
                self.url, baudrate=self.baudrate, timeout=SLICE_S, write_timeout=2.0
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            self._ser = None
            raise self.error_cls("unavailable", f"cannot open {self.url}: {exc}") from exc
        return self

    def close(self) -> None:
        """Close the port; safe to call twice and after the device vanished."""
        ser, self._ser = self._ser, None
        if ser is not None:
            with contextlib.suppress(serial.SerialException, OSError):  # already gone
                ser.close()

    def __enter__(self) -> Port:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _require(self) -> serial.SerialBase:
        if self._ser is None:
            raise self.error_cls("disconnected", f"{self.url} is not open")
        return self._ser

    def _lost(self, exc: BaseException) -> DeviceError:
        self.close()
        return self.error_cls("disconnected", f"{self.url}: {exc}")

    # -- I/O ----------------------------------------------------------------------
    def write(self, data: bytes) -> None:
        """Write all of ``data``; a vanished device raises ``<device>.disconnected``."""
        ser = self._require()
        try:
            ser.write(data)
            ser.flush()
        except serial.SerialTimeoutException as exc:
            raise self.error_cls("timeout", f"write to {self.url} timed out") from exc
        except (serial.SerialException, OSError) as exc:
            raise self._lost(exc) from exc

    def discard_input(self) -> bytes:
        """Drop (and return) whatever already waits in the input buffer."""
        ser = self._require()
        try:
            waiting = ser.in_waiting
            return ser.read(waiting) if waiting else b""
        except (serial.SerialException, OSError) as exc:
            raise self._lost(exc) from exc

    def read_some(self, deadline: float, max_bytes: int = 4096) -> bytes:
        """Return at least one byte (up to ``max_bytes``), or b"" when the deadline passes."""
        ser = self._require()
        while True:
            if self.stop_event.is_set():
                raise self.error_cls("cancelled", "stop requested")
            if time.monotonic() >= deadline:
                return b""
            try:
                # the port's timeout stays SLICE_S: setting it reconfigures the UART
                first = ser.read(1)
                if not first:
                    continue
                more = ser.in_waiting
                data = first + (ser.read(min(more, max_bytes - 1)) if more else b"")
            except (serial.SerialException, OSError) as exc:
                raise self._lost(exc) from exc
            self._received_any = True
            return data

    def read_exact(self, n: int, deadline: float) -> bytes:
        """Read exactly ``n`` bytes before ``deadline`` or raise ``<device>.timeout``."""
        buf = bytearray()
        while len(buf) < n:
            chunk = self.read_some(deadline, n - len(buf))
            if not chunk:
                raise self.error_cls(
                    "timeout", f"{self.url}: {len(buf)} of {n} bytes before the deadline"
                )
            buf += chunk
        return bytes(buf)

    def take_received_flag(self) -> bool:
        """Whether any byte arrived since the last call (tells garbage from silence)."""
        seen, self._received_any = self._received_any, False
        return seen


def sleep_unless_stopped(event: threading.Event, seconds: float) -> bool:
    """Sleep up to ``seconds``; True when the event was set (the caller should stop)."""
    return event.wait(max(0.0, seconds))


class Backoff:
    """Exponential reopen delays (0.5 s, 1 s, 2 s … capped) for an unplugged device."""

    def __init__(self, first: float = 0.5, cap: float = 5.0) -> None:
        self.first = first
        self.cap = cap
        self._next = first

    def next_delay(self) -> float:
        """The delay to wait now; doubles each call until reset."""
        delay, self._next = self._next, min(self.cap, self._next * 2)
        return delay

    def reset(self) -> None:
        """Back to the first delay once the device answers again."""
        self._next = self.first


class PortDevice:
    """What every serial driver shares: a Port, a stop flag, open/close/stop, `with`.

    `stop()` may come from any thread (the GUI asking a waiting read to end); the Port
    checks the same event between reads, so a blocked call returns within its poll step.
    """

    port: Port
    _stop: threading.Event

    def _init_port(self, url: str, *, error_cls: type[DeviceError], baudrate: int,
                   port_factory: Callable[..., Port] = Port) -> None:
        self._stop = threading.Event()
        self.port = port_factory(url, error_cls=error_cls, baudrate=baudrate,
                                 stop_event=self._stop)

    def open(self):  # -> Self: each driver returns itself, for `with Driver(url).open():`
        """Open the port; `<device>.unavailable` if it cannot be opened."""
        self._stop.clear()
        self.port.open()
        return self

    def close(self) -> None:
        """Close the port (idempotent)."""
        self.port.close()

    def stop(self) -> None:
        """Ask a running loop or a blocked call to end (any thread)."""
        self._stop.set()

    def __enter__(self):
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()
