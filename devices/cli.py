"""``yichuang device …`` and ``yichuang simulate …``: try a device from a terminal.

The desktop's CLI calls :func:`add_commands` on its sub-parser object; each command
sets ``func`` to a handler taking the parsed args and returning an exit code. Run on
its own as ``python -m devices.cli device read-id --port /dev/ttyUSB0``.

Exit codes: 0 done, 2 usage, 3 device error (message on stderr), 4 printer not ready,
5 no rating within the timeout.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from devices.errors import DeviceError, PrinterNotReady, describe

EXIT_DEVICE, EXIT_NOT_READY, EXIT_NO_RATING = 3, 4, 5
READ_WAIT_S = 3.0  # how long read-id waits for a card: the whole command stays under 5 s


def _fail(what: str, exc: DeviceError) -> int:
    print(f"{what}: {describe(exc.code)} [{exc.code}]", file=sys.stderr)
    if exc.detail:
        print(f"  ({exc.detail})", file=sys.stderr)
    return EXIT_DEVICE


def _print_json(obj: object) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


# -- device read-id ---------------------------------------------------------------------
def cmd_read_id(args: argparse.Namespace) -> int:
    """Read one card and print it as one JSON object (ID masked unless --show-id)."""
    from devices.idcard.driver import IdCardReader
    from devices.transport import deadline_in

    try:
        with IdCardReader(args.port) as reader:
            reader.sam_status(deadline_in(1.0))
            card = reader.wait_for_card(args.wait)
    except DeviceError as exc:
        return _fail("read-id", exc)
    _print_json(card.to_json_dict(show_id=args.show_id))
    return 0


# -- device rate ------------------------------------------------------------------------
def cmd_rate(args: argparse.Namespace) -> int:
    """Greet, show the staff member, wait for a rating and print it as JSON."""
    from devices.pad import create_pad
    from devices.pad.generic_keypad import parse_key_table

    staff_no, _, name = args.staff.partition("|")
    try:
        table = parse_key_table(args.keys) if args.keys else None
        with create_pad(args.protocol, args.port, key_table=table, address=args.address) as pad:
            pad.welcome()
            pad.show_staff(staff_no, name, None, args.stars)
            rating = pad.request_rating(args.timeout)
            if rating is not None:
                pad.thanks()
    except DeviceError as exc:
        return _fail("rate", exc)
    if rating is None:
        print(f"rate: no rating within {args.timeout:g} s", file=sys.stderr)
        return EXIT_NO_RATING
    _print_json({"level": rating.level, "reason": rating.reason})
    return 0


# -- device print-test --------------------------------------------------------------------
def test_receipt(paper_mm: int = 80, font_path: str | None = None) -> bytes:
    """The test slip: Chinese text, ￥, a CODE128 barcode and a cut."""
    from devices.printer.escpos_raw import Receipt

    return (
        Receipt(paper_mm=paper_mm, font_path=font_path)
        .title("政务服务中心")
        .style(where="center").line("打印测试（一窗）").style(where="left")
        .line("窗口：3号　　业务：测试")
        .line("金额：¥0.00")
        .line("——————————————")
        .barcode("ZW2024001")
        .line("如能看清以上文字和条码，打印机工作正常。")
        .cut()
        .build()
    )


def cmd_print_test(args: argparse.Namespace) -> int:
    """Check the status, then print the test slip; not ready → only status queries sent."""
    from devices.printer.printer import ReceiptPrinter

    try:
        with ReceiptPrinter(args.port, status_timeout=1.0) as printer:
            status = printer.print_job(test_receipt(args.paper, args.font))
    except PrinterNotReady as exc:
        print(f"print-test: {describe(exc.code)} [{exc.code}]; nothing printed", file=sys.stderr)
        return EXIT_NOT_READY
    except DeviceError as exc:
        return _fail("print-test", exc)
    _print_json({"printed": True, "status": str(status) if status else "unknown"})
    return 0


# -- registration -------------------------------------------------------------------------
def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Register ``device`` and ``simulate`` on the caller's sub-parser object."""
    from devices.simulate import add_simulate_command

    device = subparsers.add_parser("device", help="talk to a device (ID reader, pad, printer)")
    dsub = device.add_subparsers(dest="device_command", required=True)

    p = dsub.add_parser("read-id", help="read one ID card and print it as JSON")
    p.add_argument("--port", required=True, help="COM3, /dev/ttyUSB0, a pty, socket://h:p")
    p.add_argument("--show-id", action="store_true", help="print the ID number unmasked")
    p.add_argument("--wait", type=float, default=READ_WAIT_S, help="seconds to wait for a card")
    p.set_defaults(func=cmd_read_id)

    p = dsub.add_parser("rate", help="ask for a satisfaction rating on a pad")
    p.add_argument("--port", required=True)
    p.add_argument("--protocol", choices=("yc-pad", "keypad"), default="yc-pad")
    p.add_argument("--staff", default="0000|", help='"STAFF_NO|NAME"')
    p.add_argument("--stars", type=int, default=5)
    p.add_argument("--timeout", type=float, default=30.0)
    p.add_argument("--keys", help='keypad table, e.g. "1=5,2=4,3=3,4=2,5=1"')
    p.add_argument("--address", type=int, default=1, help="YC-PAD bus address")
    p.set_defaults(func=cmd_rate)

    p = dsub.add_parser("print-test", help="check the printer status and print a test slip")
    p.add_argument("--port", required=True, help="serial/pty, socket://127.0.0.1:9100, usb:VID:PID")
    p.add_argument("--paper", type=int, choices=(58, 80), default=80)
    p.add_argument("--font", help="CJK TrueType font for rare characters")
    p.set_defaults(func=cmd_print_test)

    add_simulate_command(subparsers)


def main(argv: Sequence[str] | None = None) -> int:
    """Stand-alone entry: ``python -m devices.cli device read-id --port …``."""
    parser = argparse.ArgumentParser(prog="yichuang")
    add_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
