"""Logs and personal data (issue 13): one masking filter for every logger on the server
and the desktop, tracebacks included; a cut upload is one warning line."""

from __future__ import annotations

import io
import logging
import socket
import time

from sync import wire
from sync.logmask import MaskingFilter, install
from tests.support.terminal import Term, token_of

ID_NUMBER, PHONE = "11010519491231002X", "13806331234"


def test_the_filter_masks_messages_arguments_and_tracebacks():
    out = io.StringIO()
    handler = install(logging.StreamHandler(out))
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    log = logging.getLogger("test.masking")
    log.addHandler(handler)
    log.propagate = False
    try:
        try:
            raise ValueError(f"payload {{'name': '欧阳娜娜', 'id_number': '{ID_NUMBER}'}}")
        except ValueError:
            log.exception("push failed for %s", PHONE)
        log.error("stack", stack_info=True, extra={"x": ID_NUMBER})
    finally:
        log.removeHandler(handler)
    text = out.getvalue()
    assert "Traceback" in text and "ValueError" in text  # the trace is kept …
    assert ID_NUMBER not in text and PHONE not in text and "欧阳娜娜" not in text  # … masked
    assert "1101**********002X" in text and "138****1234" in text and "'欧***'" in text
    assert "1261123800100016" in install(logging.StreamHandler()).format(logging.LogRecord(
        "x", logging.INFO, "f", 1, "case %s", ("1261123800100016",), None))
    assert sum(isinstance(f, MaskingFilter) for f in install(handler).filters) == 1


def test_the_desktop_and_the_server_share_the_filter(tmp_path):
    from desktop import logging_setup

    assert logging_setup.MaskingFilter is MaskingFilter
    from server import cli

    assert "install" in cli.cmd_server.__code__.co_names  # the server's handler gets it


def test_a_cut_upload_is_one_warning_line(server, code_for, tmp_path):
    """A client that goes away mid-body (a cut link): the request's headers and part of
    its body arrive, then the connection closes."""
    a = Term(tmp_path / "a", server.url, code_for())
    head = (f"POST /api/v1/sync/push HTTP/1.1\r\nHost: x\r\n"
            f"{wire.PROTOCOL_HEADER}: {wire.PROTOCOL_VERSION}\r\n"
            f"Authorization: Bearer {token_of(a.dir)}\r\nContent-Type: application/json\r\n"
            "Content-Length: 200000\r\n\r\n")
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(head.encode() + b'{"batch": ' + b" " * 5000)
        time.sleep(0.5)
    deadline = time.monotonic() + 10
    log = ""
    while time.monotonic() < deadline:
        log = server.log_path.read_text("utf-8", errors="replace")
        if "mid-upload" in log:
            break
        time.sleep(0.2)
    assert log.count("mid-upload") == 1 and "WARNING" in log
    assert "Traceback" not in log and "ERROR" not in log, log[-2000:]
