"""Logging, configured once per process: a rotating file under the data folder.

Personal data never reaches the log file (个人信息保护法): a filter masks anything that
looks like a resident ID number or a mobile number, whatever module logged it. Case
numbers (16 digits) and slip numbers (20 digits) are not personal and stay readable.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import pathlib
import platform
import re

from domain.version import VERSION

_ID_RE = re.compile(r"(?<![0-9A-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])")
_PHONE_RE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_configured: pathlib.Path | None = None


def mask_text(text: str) -> str:
    """3201**********123X and 138****5678, the same as on screen."""
    text = _ID_RE.sub(lambda m: m.group(1) + "*" * 10 + m.group(2), text)
    return _PHONE_RE.sub(lambda m: m.group(1) + "****" + m.group(2), text)


class MaskingFilter(logging.Filter):
    """Rewrites the formatted message; args are merged first so nothing slips through."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        masked = mask_text(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        return True


def configure(data_dir: pathlib.Path | str, *, level: int = logging.INFO,
              console: bool = False) -> pathlib.Path:
    """Set up the root logger once; later calls return the same file path."""
    global _configured
    if _configured is not None:
        return _configured
    log_dir = pathlib.Path(data_dir) / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "yichuang.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"))
    handler.addFilter(MaskingFilter())
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.addFilter(MaskingFilter())
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
