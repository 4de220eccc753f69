"""Logging, configured once per process: a rotating file under the data folder.

Personal data never reaches the log file (个人信息保护法): the one masking filter the
server uses too (sync.logmask) masks ID numbers, mobiles and names in every message and
traceback, whatever module logged it. The log folder and file are private (0700/0600).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import pathlib
import platform

from domain.version import VERSION
from sync.logmask import MaskingFilter, install, mask_text
from sync.private import private_dir, private_file

__all__ = ["MaskingFilter", "configure", "mask_text"]
_configured: pathlib.Path | None = None


class _PrivateRotatingHandler(logging.handlers.RotatingFileHandler):
    """Every file it opens (the first and each after a rotation) is 0600 from the start."""

    def _open(self):  # type: ignore[no-untyped-def]
        private_file(self.baseFilename)
        return super()._open()


def configure(data_dir: pathlib.Path | str, *, level: int = logging.INFO,
              console: bool = False) -> pathlib.Path:
    """Set up the root logger once; later calls return the same file path."""
    global _configured
    if _configured is not None:
        return _configured
    log_dir = pathlib.Path(data_dir) / "logs"
    private_dir(log_dir)
    path = private_file(log_dir / "yichuang.log")
    handler = _PrivateRotatingHandler(path, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    install(handler)
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        install(stream)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
    _configured = path
    _first_line()
    return path


def _first_line() -> None:
    """Which release wrote what follows: the first thing the support desk looks for."""
    logging.getLogger("yichuang").info("yichuang %s start, Python %s, %s, pid %d", VERSION,
                                       platform.python_version(), platform.platform(),
                                       os.getpid())
