"""File locks in the data folder: one app instance, one sync at a time per replica.

The kernel drops an flock when its process dies, so a crashed or SIGKILLed app never
leaves a stale lock behind (unlike a pid file).
"""

from __future__ import annotations

import os
import pathlib
import time

APP_LOCK = "app.lock"
SYNC_LOCK = "sync.lock"


class LockBusy(RuntimeError):
    """Another process holds the lock."""

    code = "lock.busy"


class FileLock:
    """An exclusive, non-reentrant lock on a file (fcntl.flock; msvcrt on Windows)."""

    def __init__(self, path: pathlib.Path | str) -> None:
        self.path = pathlib.Path(path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float = 0.0) -> FileLock:
        """Take the lock, waiting up to `timeout` seconds; LockBusy if it stays taken."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + timeout
        while True:
            try:
                _lock(fd)
                self._fd = fd
                return self
            except OSError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockBusy(f"{self.path} 正被另一个程序使用") from None
                time.sleep(0.05)

    def release(self) -> None:
        if self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> FileLock:
        return self if self.held else self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def instance_lock(data_dir: pathlib.Path | str) -> FileLock:
    """The desktop app holds this for its lifetime: a second instance is refused."""
    return FileLock(pathlib.Path(data_dir) / APP_LOCK)


def sync_lock(data_dir: pathlib.Path | str) -> FileLock:
    """Held for one sync round: the app's worker and `yichuang sync` never overlap."""
    return FileLock(pathlib.Path(data_dir) / SYNC_LOCK)
