"""`yichuang print DOC (--case NUMBER | --demo) --out FILE [--format pdf|png|escpos]`.

printing/ may not import sync/, where the local replica lives, so the command does not
know how to find a case: desktop/cli.py injects a loader. `--demo` needs none and
works everywhere, which is also how `python -m printing.cli` is tried out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pathlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `yichuang counter` builds this parser too: no domain import at start
    from domain.case import Case
    from domain.catalog import Catalog

LoadCase = Callable[[str], "tuple[Case, Catalog]"]
LoaderFromArgs = Callable[[argparse.Namespace], LoadCase]
DOC_NAMES = ("slip", "acceptance-receipt", "pickup-slip", "acceptance-notice",
             "supplement-notice", "refusal-notice", "materials-receipt", "completion-notice",
             "mailing-sheet", "decision-refusal", "extension-notice", "pause-notice",
             "tolerance-promise")  # = documents.DOCS; repeated so --help needs no reportlab
SUFFIX_FORMAT = {".pdf": "pdf", ".png": "png", ".bin": "escpos", ".prn": "escpos",
                 ".escpos": "escpos"}


class CaseNotFound(LookupError):
    """What a loader raises for a number the replica does not hold."""

    code = "printing.case_not_found"


def add_commands(sub: argparse._SubParsersAction, load_case: LoadCase | None = None, *,
                 load_case_from_args: LoaderFromArgs | None = None) -> None:
    """Register `print`. A loader given as `load_case_from_args(args)` may use the
    parsed arguments (e.g. --data-dir) to open the replica."""
    p = sub.add_parser("print", help="print a slip, receipt or notice to a file")
    p.add_argument("doc", metavar="DOC", help="one of: " + ", ".join(DOC_NAMES))
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--case", metavar="NUMBER", help="case number (or slip number)")
    src.add_argument("--demo", action="store_true", help="a demo case of the demo catalog")
    p.add_argument("--out", required=True, type=pathlib.Path, help="file to write")
    p.add_argument("--format", choices=("pdf", "png", "escpos"),
                   help="default: from the --out suffix (.pdf .png .bin), else pdf")
    p.add_argument("--width", type=int, choices=(58, 80), default=80,
                   help="receipt paper width in mm (escpos, png)")
    p.add_argument("--long", action="store_true", help="demo: a long material list")
    p.add_argument("--staff", default=None, help="staff number printed on the paper")
    p.add_argument("--today", default=None,
                   help="the day it is printed, YYYY-MM-DD (default today); a paper bears "
                        "the date of the decision it records")
    p.add_argument("--reprint", action="store_true",
                   help="补打: mark the paper as a reprint, dated --today")
    p.add_argument("--settings", type=pathlib.Path, help="JSON file of hall print settings")
    p.set_defaults(func=cmd_print, load_case=load_case, load_case_from_args=load_case_from_args)


def _fail(message: str, code: int) -> int:
    print(f"错误: {message}", file=sys.stderr)
    return code


def _demo(doc: str, long_list: bool) -> tuple[Case, Catalog]:
    from domain.catalog import catalog_from_dict
    from printing.demo import DOC_STORY, demo_case
    from resources import path as res

    catalog = catalog_from_dict(json.loads(res("catalog", "demo.json").read_text("utf-8")))
    return demo_case(catalog, story=DOC_STORY[doc], long_list=long_list), catalog


def _load(args: argparse.Namespace) -> tuple[Case, Catalog]:
    if args.demo:
        return _demo(args.doc, args.long)
    loader = args.load_case
    if loader is None and args.load_case_from_args is not None:
        loader = args.load_case_from_args(args)
    if loader is None:
        raise CaseNotFound("本程序未连接本地数据，无法按编号打印；可用 --demo 试印")
    return loader(args.case)


def cmd_print(args: argparse.Namespace) -> int:
    """Build, render, write; exit 2 for a wrong command line, 1 for a refused paper."""
    from printing import documents

    if args.doc not in documents.DOCS:
        return _fail(f"未知的文书 {args.doc}；可选: {', '.join(documents.DOCS)}", 2)
    fmt = args.format or SUFFIX_FORMAT.get(args.out.suffix.lower(), "pdf")
    if fmt not in documents.formats_for(args.doc):
        return _fail(f"{args.doc} 是A4文书，不能输出为 {fmt}（可选: pdf, png）", 2)
    try:
        today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
        settings = json.loads(args.settings.read_text("utf-8")) if args.settings else None
    except (ValueError, OSError) as exc:
        return _fail(str(exc), 2)
    try:
        case, catalog = _load(args)
    except (CaseNotFound, KeyError, LookupError) as exc:
        msg = exc.args[0] if exc.args else args.case
        return _fail(f"找不到办件 {args.case}: {msg}" if args.case else str(msg), 1)
    try:
        document = documents.build(args.doc, case, catalog, settings, today=today,
                                   staff=args.staff, reprint=args.reprint)
        data = documents.render(document, fmt, width_mm=args.width)
    except ValueError as exc:  # not applicable, bad settings, missing glyph (strict)
        return _fail(str(exc), 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    for ch in document.missing_glyphs:
        print(f"警告: 字体中没有 U+{ord(ch):04X}，该字符会印成空白", file=sys.stderr)
    print(f"{args.out} ({fmt}, {len(data)} bytes)")
    return 0


def main(argv: list[str] | None = None) -> int:
    """`python -m printing.cli print slip --demo --out slip.pdf`."""
    parser = argparse.ArgumentParser(prog="python -m printing.cli")
    sub = parser.add_subparsers(dest="command", required=True)
    add_commands(sub)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
