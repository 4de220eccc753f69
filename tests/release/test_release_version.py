"""One version everywhere: --version, the header sent to the server, log and crash files."""

from __future__ import annotations

import http.server
import json
import pathlib
import subprocess
import sys
import threading
from typing import ClassVar

import pytest

from domain.version import VERSION

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_pyproject_reads_the_one_version():
    text = (ROOT / "pyproject.toml").read_text("utf-8")
    assert 'dynamic = ["version"]' in text
    assert 'version = { attr = "domain.version.VERSION" }' in text


def test_version_option_prints_it():
    got = subprocess.run([sys.executable, "-m", "desktop.cli", "--version"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert got.returncode == 0
    assert got.stdout.split()[:2] == ["yichuang", VERSION]


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        _Recorder.seen.append(dict(self.headers))
        body = json.dumps({"events": [], "cursor": 0, "more": False}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_every_request_carries_the_version_header(tmp_path):
    from sync.client import SyncClient
    from sync.replica import Replica

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with Replica.in_dir(tmp_path) as replica:
            replica.set_meta("server_url", f"http://127.0.0.1:{httpd.server_port}")
        client = SyncClient(tmp_path)
        try:
            client._request("GET", "/api/v1/sync/pull")
        finally:
            client.close()
    finally:
        httpd.shutdown()
    assert _Recorder.seen and _Recorder.seen[-1]["X-Yichuang-Version"] == VERSION


def test_log_starts_with_the_version_and_crash_files_carry_it(tmp_path):
    code = f"""
import pathlib, sys
from desktop import crash, logging_setup
d = pathlib.Path({str(tmp_path)!r})
logging_setup.configure(d)
crash.install(d, show_dialog=False)
try:
    raise RuntimeError("boom 320102199001011234")
except RuntimeError:
    crash.handle(*sys.exc_info())
"""
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)
    log = (tmp_path / "logs" / "yichuang.log").read_text("utf-8").splitlines()
    assert f"yichuang {VERSION} start" in log[0]
    (crash_file,) = (tmp_path / "crashes").glob("crash-*.txt")
    text = crash_file.read_text("utf-8")
    assert text.splitlines()[0] == f"yichuang {VERSION}"
    assert "RuntimeError" in text and "199001011234" not in text


@pytest.mark.parametrize("port", ["usb:0416:5011", "win32:POS-80"])
def test_optional_printer_links_name_their_extra(port):
    pytest.importorskip("escpos")
    import importlib

    from devices.errors import PrinterError
    from devices.printer.printer import OPTIONAL_LINKS, open_link

    module = OPTIONAL_LINKS[port.split(":")[0]][0]
    if importlib.import_module(f"escpos.printer.{module}").is_usable():
        pytest.skip("the library is installed here")
    with pytest.raises(PrinterError) as err:
        open_link(port)
    assert err.value.code == "printer.missing_driver"
    assert "yichuang[" in err.value.detail
    got = subprocess.run([sys.executable, "-m", "desktop.cli", "device", "print-test",
                          "--port", port], cwd=ROOT, capture_output=True, text=True,
                         timeout=60)
    assert got.returncode == 3
    assert "printer.missing_driver" in got.stderr and "Traceback" not in got.stderr
