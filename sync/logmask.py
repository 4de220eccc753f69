"""One masking filter for every log handler, on the server and on the desktop.

It masks the formatted message and the traceback (an exception's text can carry a
payload: a database error's parameters, a KeyError's key), so nothing personal reaches
a log file or a console, whichever module logged it (domain.masking says what is masked).
"""

from __future__ import annotations

import logging
import traceback

from domain.masking import mask_text

__all__ = ["MaskingFilter", "install", "mask_text"]


class MaskingFilter(logging.Filter):
    """Rewrites the record: message with its args merged, traceback and stack masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        masked = mask_text(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_text(record.stack_info)
        return True


def install(handler: logging.Handler) -> logging.Handler:
    """Put the filter on a handler (once) and return it."""
    if not any(isinstance(f, MaskingFilter) for f in handler.filters):
        handler.addFilter(MaskingFilter())
    return handler
