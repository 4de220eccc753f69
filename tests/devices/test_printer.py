"""Printer status codec, ESC/POS bytes, the driver over pty and TCP, rendering."""

from __future__ import annotations

import shutil
import subprocess
import time

import pytest

from devices.errors import PrinterError, PrinterNotReady, PrinterProtocolError
from devices.printer import escpos_raw as raw
from devices.printer import status as ps
from devices.printer.printer import EscposLink, ReceiptPrinter
from devices.printer.render import code128_text, render_png

H = bytes.fromhex
QUERIES = H("10 04 01 10 04 02 10 04 04")


def wait_captured(sim, n: int, timeout: float = 2.0) -> bytes:
    """The simulator reads on its own thread: wait until n bytes arrived."""
    deadline = time.monotonic() + timeout
    while len(sim.captured) < n and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.05)  # and nothing more comes
    return bytes(sim.captured)


JOB = raw.Receipt().title("政务服务中心").line("金额：¥1.00").barcode("ZW2024001").cut().build()


def test_status_vectors():
    ok = ps.decode_status_bytes(H("12 12 12"))
    assert ok.ready and ok.reason is None and str(ok) == "ready"
    out = ps.decode_status_bytes(H("1A 32 7E"))
    assert out.paper_out and out.paper_near_end and not out.online and out.reason == "paper_out"
    cover = ps.decode_status(0x1A, 0x16, 0x12)
    assert cover.cover_open and cover.reason == "cover_open"
    assert ps.decode_status(0x12, 0x12, 0x1E).paper_near_end  # near end still prints
    assert ps.decode_status(0x12, 0x12, 0x1E).ready
    assert ps.encode_status(ps.STATES["paper_out"]) == (0x1A, 0x32, 0x7E)
    assert ps.encode_status(ps.STATES["cover_open"])[1] == 0x16
    with pytest.raises(PrinterProtocolError):
        ps.decode_status(0xFF, 0x12, 0x12)


def test_escpos_vectors():
    assert raw.barcode_code128("ZW2024001") == H(
        "1D 68 50 1D 77 02 1D 48 02 1D 6B 49 0B 7B 42 5A 57 32 30 32 34 30 30 31")
    assert raw.barcode_code128("20240518").endswith(H("1D 6B 49 06 7B 43 14 18 05 12"))
    assert raw.text_line("政务服务中心") == H("D5 FE CE F1 B7 FE CE F1 D6 D0 D0 C4 0A")
    assert raw.text_line("¥5") == H("A3 A4 35 0A")  # ￥, 2 bytes
    assert raw.text_line("，：（）") == "，：（）".encode("gb18030") + b"\n"  # not "?"
    assert raw.size(2, 2) == H("1D 21 11") and raw.size(1, 2) == H("1D 21 01")
    assert H("1B 40 1C 26") == raw.INIT + raw.CHINESE_ON
    assert H("1D 56 42 00") == raw.CUT and raw.feed(3) == H("1B 64 03")
    assert raw.align("center") == H("1B 61 01") and raw.bold(True) == H("1B 45 01")
    assert raw.code128_payload("A{B") == b"{BA{{B"
    assert raw.code128_payload("123") == b"{B123"  # odd digit count stays in set B
    with pytest.raises(ValueError):
        raw.code128_payload("张")


def test_rare_character_becomes_a_raster_line():
    from devices.printer.simulator import find_cjk_font

    assert raw.needs_raster("张𠮷") and not raw.needs_raster("张三￥")
    font = find_cjk_font()
    if font is None:
        pytest.skip("no CJK font installed")
    data = raw.text_line("姓名：张𠮷", font_path=font)
    assert data.startswith(H("1D 76 30 00"))
    width_bytes, height = int.from_bytes(data[4:6], "little"), int.from_bytes(data[6:8], "little")
    assert len(data) == 8 + width_bytes * height and height >= 24
    assert raw.text_line("张𠮷") == "张□".encode("gb18030") + b"\n"  # no font: a box


def test_print_over_pty_and_tcp(printer_sim):
    for url in (printer_sim.port, printer_sim.tcp_url):
        printer_sim.clear()
        with ReceiptPrinter(url) as printer:
            assert printer.print_job(JOB).ready
        assert wait_captured(printer_sim, len(QUERIES + JOB)) == QUERIES + JOB
        assert printer_sim.printed_bytes() == JOB


@pytest.mark.parametrize("state", ["paper_out", "cover_open", "offline", "error"])
def test_not_ready_sends_only_status_queries(printer_sim, state):
    printer_sim.set_state(state)
    for url in (printer_sim.port, printer_sim.tcp_url):
        printer_sim.clear()
        with ReceiptPrinter(url) as printer, pytest.raises(PrinterNotReady) as err:
            printer.print_job(JOB)
        assert err.value.code == f"printer.{state}"
        assert not err.value.status.ready
        assert wait_captured(printer_sim, len(QUERIES)) == QUERIES  # nothing but the queries


def test_silent_printer_has_no_status(printer_sim):
    printer_sim.silent = True
    printer = ReceiptPrinter(printer_sim.port, status_timeout=0.3)
    with printer, pytest.raises(PrinterError) as err:
        printer.print_job(JOB)
    assert err.value.code == "printer.no_status"
    assert wait_captured(printer_sim, 3) == QUERIES[:3]


def test_unreachable_printers():
    with pytest.raises(PrinterError) as err:
        ReceiptPrinter("socket://127.0.0.1:1").open()
    assert err.value.code == "printer.unavailable"
    with pytest.raises(PrinterError) as err:
        ReceiptPrinter("/dev/yichuang-no-printer").open()
    assert err.value.code == "printer.unavailable"


def test_one_way_escpos_link_prints_blind():
    from escpos.printer import Dummy

    dummy = Dummy()
    printer = ReceiptPrinter(EscposLink(dummy, two_way=False)).open()
    assert printer.print_job(JOB) is None
    assert dummy.output == JOB
    with pytest.raises(PrinterError):
        printer.status()


def test_render_png_and_decode_barcode(tmp_path, printer_sim):
    png = render_png(JOB + raw.barcode_code128("20240518"), printer_sim.font_path)
    assert png.startswith(b"\x89PNG")
    assert code128_text(b"{C\x14\x18\x05\x12") == "20240518"
    zbar = shutil.which("zbarimg")
    if zbar is None:
        pytest.skip("zbarimg not installed")
    path = tmp_path / "slip.png"
    path.write_bytes(png)
    out = subprocess.run([zbar, "-q", str(path)], capture_output=True, text=True, timeout=20)
    assert "CODE-128:ZW2024001" in out.stdout and "CODE-128:20240518" in out.stdout


def test_renderer_ignores_a_lying_raster_header():
    render_png(H("1D 76 30 00 FF FF FF FF") + b"\x00" * 10)  # no 4 GB image
