"""`yichuang`: one console script, a sub-command per job.

Each layer registers its own sub-commands (`add_commands(subparsers)`); the modules
that do so import nothing heavy at the top, so `yichuang check-id` starts in a blink and
the GUI commands import Qt only when they run.
"""

from __future__ import annotations

import argparse
import importlib
import pathlib
import sys

APP_NAME = "yichuang"

# A layer's command may need an optional part of the package (`pip install yichuang[…]`):
# top-level module missing → the extra that brings it.
EXTRA_OF_MODULE = {
    "fastapi": "server", "uvicorn": "server", "sqlalchemy": "server", "psycopg": "server",
    "alembic": "server", "starlette": "server", "pydantic": "server",
    "usb": "usb", "win32print": "windows", "win32api": "windows",
}

# module: registers sub-commands. Order = order in --help.
COMMAND_MODULES = (
    "desktop.commands",
    "desktop.report_cli",
    "sync.cli",
    "sync.sms.cli",
    "server.cli",
    "printing.cli",
    "devices.cli",
)


def default_data_dir() -> pathlib.Path:
    """The platform's user data folder (e.g. ~/.local/share/yichuang, %LOCALAPPDATA%)."""
    import platformdirs

    return pathlib.Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _replica_case_loader(args: argparse.Namespace):
    """`yichuang print --case N`: the case and catalog from this terminal's replica."""

    def load(number: str):
        from printing.cli import CaseNotFound
        from sync import queries, reference, store
        from sync.replica import Replica

        with Replica.in_dir(data_dir_of(args)) as replica:
            try:
                rows = queries.by_number(replica, number)
            except ValueError as exc:  # a bad check digit is not "not found"
                raise CaseNotFound(str(exc)) from exc
            if not rows:
                raise CaseNotFound(f"本机没有编号为 {number} 的办件")
            case = store.load_case(replica, rows[0]["id"])
            return case, reference.load_catalog(replica)

    return load


# keyword arguments some layers' add_commands take from the app entry
_EXTRA: dict[str, dict] = {
    "printing.cli": {"load_case_from_args": _replica_case_loader},
}


def build_parser() -> argparse.ArgumentParser:
    """Every layer's sub-commands, help in Chinese like the errors (desktop.cli_text)."""
    from desktop.cli_text import ChineseArgumentParser, localize

    parser = ChineseArgumentParser(
        prog=APP_NAME,
        description="一窗 Yichuang — 政务服务大厅窗口系统：窗口受理、自助登记、电子监察、同步服务器",
    )
    parser.add_argument(
        "--data-dir", type=pathlib.Path, default=None,
        help="this terminal's data folder (default: the user data folder); "
             "several terminals can run side by side with different folders",
    )
    parser.add_argument("--version", action="version", version=version_line())
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:  # a layer not installed on this machine
            if exc.name and name.startswith(exc.name.split(".")[0]):
                continue
            raise
        module.add_commands(sub, **_EXTRA.get(name, {}))
    for subparser in sub.choices.values():
        _accept_data_dir(subparser)
    localize(parser)
    return parser


def version_line() -> str:
    """`yichuang --version`: the release and the Python it runs on."""
    import platform

    from domain.version import VERSION

    return f"{APP_NAME} {VERSION} (Python {platform.python_version()}, {platform.system()})"


def _missing_extra(exc: ModuleNotFoundError) -> int | None:
    """A command whose optional part is not installed: say which extra, not a traceback."""
    root = (exc.name or "").split(".")[0]
    extra = EXTRA_OF_MODULE.get(root)
    if extra is None:
        return None
    print(f"错误: 缺少模块 {root}。此功能需要安装 yichuang[{extra}]："
          f'pip install "yichuang[{extra}]"', file=sys.stderr)
    return 3


def _accept_data_dir(subparser: argparse.ArgumentParser) -> None:
    """Let `--data-dir` also follow the sub-command (`yichuang sync --data-dir D`)."""
    if any("--data-dir" in a.option_strings for a in subparser._actions):
        return
    subparser.add_argument("--data-dir", type=pathlib.Path, default=argparse.SUPPRESS,
                           help="this terminal's data folder")


def data_dir_of(args: argparse.Namespace) -> pathlib.Path:
    """The data folder: `--data-dir` before or after the sub-command, else the default."""
    d = getattr(args, "data_dir", None)
    return pathlib.Path(d) if d else default_data_dir()


def _no_command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """A kiosk comes straight back as a kiosk after a restart; elsewhere, the help."""
    from desktop.kiosk.config import is_kiosk

    if is_kiosk(args.data_dir):
        from desktop.app import run

        return run(args.data_dir, face="kiosk", demo=False)
    parser.print_help()
    return 2


def _reads_a_replica(args: argparse.Namespace) -> bool:
    """Commands that only read this terminal's data: a mistyped folder must not quietly
    become a new, empty one (`stats --data-dir /typo` printed zeros)."""
    return args.command == "stats" or (args.command == "print" and bool(getattr(args, "case",
                                                                                None)))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.data_dir = data_dir_of(args)
    if not getattr(args, "func", None):
        return _no_command(parser, args)
    if _reads_a_replica(args):
        from sync.replica import DB_NAME

        if not (args.data_dir / DB_NAME).exists():
            print(f"错误: {args.data_dir} 中没有本终端的数据（{DB_NAME}）：请检查 --data-dir",
                  file=sys.stderr)
            return 2
    try:
        result = args.func(args)
    except KeyboardInterrupt:
        return 130
    except ModuleNotFoundError as exc:
        code = _missing_extra(exc)
        if code is None:
            raise
        return code
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main())
