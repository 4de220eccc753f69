"""``yichuang simulate idcard|pad|printer``: a simulator as a process.

Prints the port to use on its first line (flushed): the pty, or ``socket://…`` with
``--tcp`` (and always on Windows, which has no ptys). Then serves until killed
(SIGTERM / SIGINT / Ctrl-C). Lines on stdin steer it, so a test or a person can drive
a running simulator::

    present wangfang | remove | fail | state garbage | unplug | replug    (idcard)
    press 5 [reason] | auto 4 | auto off | state silent | unplug | replug (pad)
    state paper_out | png /tmp/slip.png | clear                            (printer)

Each command answers ``ok`` or ``error: …`` on stdout.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable

from devices.printer.status import STATES

Handler = Callable[[list[str]], None]


def _tcp(args: argparse.Namespace) -> int | None:
    return None if args.tcp is None else int(args.tcp)


def _idcard(args: argparse.Namespace):
    from devices.idcard.simulator import IdCardReaderSimulator

    card = None if args.card in ("none", "") else args.card
    sim = IdCardReaderSimulator(card, split=args.split, stray=args.split, tcp_port=_tcp(args))
    sim.start()
    sim.set_mode(args.state or "ok")
    commands: dict[str, Handler] = {
        "present": lambda a: sim.present(a[0] if a else "zhangsan"),
        "remove": lambda a: sim.remove(),
        "fail": lambda a: sim.fail_next_read(int(a[0]) if a else 1),
        "state": lambda a: sim.set_mode(a[0]),  # type: ignore[arg-type]
    }
    return sim, sim.tcp_url or sim.port, commands


def _pad(args: argparse.Namespace):
    from devices.pad.simulator import RatingPadSimulator

    sim = RatingPadSimulator(args.protocol, tcp_port=_tcp(args)).start()
    sim.set_mode(args.state or "ok")
    if args.key:
        level, _, reason = args.key.partition("|")
        sim.set_auto(int(level), reason or None, args.delay)

    def auto(a: list[str]) -> None:
        sim.set_auto(None if a[0] == "off" else int(a[0]), a[1] if len(a) > 1 else None, args.delay)

    commands: dict[str, Handler] = {
        "press": lambda a: sim.press(int(a[0]), a[1] if len(a) > 1 else None),
        "auto": auto,
        "state": lambda a: sim.set_mode(a[0]),  # type: ignore[arg-type]
    }
    return sim, sim.tcp_url or sim.port, commands


def _printer(args: argparse.Namespace):
    from devices.printer.simulator import PrinterSimulator

    sim = PrinterSimulator(args.state or "ok", tcp_port=_tcp(args)).start()

    def png(a: list[str]) -> None:
        with open(a[0], "wb") as fh:
            fh.write(sim.render_png())

    commands: dict[str, Handler] = {
        "state": lambda a: sim.set_state(a[0]),
        "png": png,
        "clear": lambda a: sim.clear(),
    }
    return sim, sim.tcp_url or sim.port, commands


def _control(commands: dict[str, Handler], sim, done: threading.Event) -> None:
    commands = {**commands, "unplug": lambda a: sim.unplug(), "replug": lambda a: sim.replug()}
    for raw in sys.stdin:
        words = raw.split()
        if not words:
            continue
        if words[0] == "quit":
            done.set()
            return
        try:
            commands[words[0]](words[1:])
            print("ok", flush=True)
        except (KeyError, IndexError, ValueError, OSError) as exc:
            print(f"error: {exc!r}", flush=True)


def cmd_simulate(args: argparse.Namespace) -> int:
    """Run one simulator until killed; its port is the first line printed."""
    factory = {"idcard": _idcard, "pad": _pad, "printer": _printer}[args.device]
    sim, port, commands = factory(args)
    done = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: done.set())
    print(port, flush=True)
    if sim.tcp_url and sim.use_pty:
        print(f"pty: {sim.link_path}", flush=True)
    if not args.no_stdin:
        threading.Thread(target=_control, args=(commands, sim, done), daemon=True).start()
    try:
        while not done.wait(0.2):
            pass
    finally:
        if args.png and hasattr(sim, "render_png"):
            with open(args.png, "wb") as fh:
                fh.write(sim.render_png())
        sim.stop()
    return 0


def add_simulate_command(subparsers: argparse._SubParsersAction) -> None:
    """Register ``simulate`` (called by :func:`devices.cli.add_commands`)."""
    p = subparsers.add_parser("simulate", help="run a device simulator on a pty (or TCP)")
    p.add_argument("device", choices=("idcard", "pad", "printer"))
    p.add_argument("--card", default="zhangsan",
                   help="idcard: sample card (zhangsan, wangfang, ayguli, chendawen, smith, "
                        "williamson) or 'none'")
    p.add_argument("--state", help="idcard/pad: ok|garbage|silent; printer: " + "|".join(STATES))
    p.add_argument("--split", action="store_true", help="idcard: chunked frames, stray bytes")
    p.add_argument("--protocol", choices=("yc-pad", "keypad"), default="yc-pad", help="pad")
    p.add_argument("--key", help='pad: answer every request with "LEVEL[|REASON]"')
    p.add_argument("--delay", type=float, default=0.3, help="pad: seconds before --key")
    p.add_argument("--tcp", nargs="?", const="0",
                   help="also listen on 127.0.0.1:PORT (any free port if none given); "
                        "the first line printed is then socket://127.0.0.1:PORT")
    p.add_argument("--png", help="printer: draw what was printed to this PNG on exit")
    p.add_argument("--no-stdin", action="store_true", help="ignore stdin (no control commands)")
    p.set_defaults(func=cmd_simulate)
