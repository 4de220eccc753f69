"""Error codes, port listing, photo placeholder, the CLI's argparse hook."""

from __future__ import annotations

import argparse
import io

from PIL import Image

from devices import cli
from devices.errors import CODES, IdCardError, PrinterNotReady, describe
from devices.idcard.photo import HEIGHT, WIDTH, photo_png, placeholder_png
from devices.ports import list_serial_ports
from devices.printer.status import STATES


def test_codes_are_stable_and_described():
    for code in ("idcard.no_card", "idcard.read_failed", "idcard.timeout", "idcard.disconnected",
                 "idcard.unavailable", "idcard.protocol", "pad.timeout", "printer.paper_out",
                 "printer.cover_open", "printer.no_status", "scanner.disconnected"):
        assert code in CODES
        assert describe(code) != code
    assert IdCardError("no_card").code == "idcard.no_card"
    for name, status in STATES.items():
        if not status.ready:
            assert PrinterNotReady(status).code in CODES, name


def test_ports_listing_runs():
    ports = list_serial_ports()
    assert isinstance(ports, list)
    for p in ports:
        assert p.device and p.label


def test_placeholder_photo():
    img = Image.open(io.BytesIO(placeholder_png()))
    assert img.size == (WIDTH, HEIGHT)
    photo = photo_png(bytes(1024))
    assert not photo.decoded and photo.png == placeholder_png()


def test_add_commands_registers_on_a_foreign_parser():
    parser = argparse.ArgumentParser(prog="yichuang")
    parser.add_argument("--data-dir")
    cli.add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["device", "read-id", "--port", "COM3", "--show-id"])
    assert args.func is cli.cmd_read_id and args.show_id and args.port == "COM3"
    args = parser.parse_args(["device", "rate", "--port", "x", "--protocol", "keypad"])
    assert args.func is cli.cmd_rate
    args = parser.parse_args(["simulate", "printer", "--tcp", "--state", "paper_out"])
    assert args.device == "printer" and args.tcp == "0"


def test_test_receipt_is_gb18030_with_barcode_and_cut():
    data = cli.test_receipt()
    assert data.startswith(b"\x1b\x40\x1c\x26")
    assert "￥".encode("gb18030") in data and b"\x1d\x6b\x49" in data
    assert data.endswith(b"\x1d\x56\x42\x00")
