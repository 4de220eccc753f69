"""`yichuang report figures …` and `yichuang report monthly …` (checked as written).

    report figures [--data-dir D | --db URL --hall CODE] --from YYYY-MM-DD --to YYYY-MM-DD
                   --by hall|zone|department|window|staff|item|day [--format json|csv|table]
    report monthly --month YYYY-MM [--data-dir D | --db URL --hall CODE] --out FILE.pdf

A bad command line (a date that does not exist, --from after --to, an unknown hall or
group) gets one clear line on stderr and exit status 2; an empty period gives zeros and
nulls. Nothing heavy is imported until a command runs.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import pathlib
import sys
from collections.abc import Iterator
from typing import Any

BY_CHOICES = ("hall", "zone", "department", "window", "staff", "item", "day", "month")
TABLE_COLUMNS = (("group", "分组"), ("label", "名称"), ("accepted", "受理"),
                 ("completed", "办结"), ("completion_rate", "办结率"), ("instant_rate", "即办率"),
                 ("on_time_rate", "按时办结率"), ("overdue", "超期"), ("rated", "评价"),
                 ("satisfaction_rate", "满意率"), ("bad_ratings", "差评"),
                 ("consultations", "咨询"))


class ReportError(Exception):
    """A command line that cannot be answered: exit 2 with this message."""


def add_commands(sub: argparse._SubParsersAction) -> None:
    rep = sub.add_parser("report", help="figures and the monthly review (replica or server)")
    rsub = rep.add_subparsers(dest="report_command", metavar="WHAT", required=True)
    f = rsub.add_parser("figures", help="the figures of a period, one row per group")
    _source_args(f)
    f.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    f.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    f.add_argument("--by", required=True, choices=BY_CHOICES)
    f.add_argument("--format", choices=("json", "csv", "table"), default="json")
    f.set_defaults(func=cmd_figures)
    m = rsub.add_parser("monthly", help="the hall's monthly review as an A4 PDF")
    m.add_argument("--month", required=True, metavar="YYYY-MM")
    _source_args(m)
    m.add_argument("--out", required=True, type=pathlib.Path, metavar="FILE.pdf")
    m.set_defaults(func=cmd_monthly)


def _source_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", type=pathlib.Path, default=argparse.SUPPRESS,
                   help="a terminal's data folder (its replica)")
    p.add_argument("--db", default=None, help="the server's database URL instead of a replica")
    p.add_argument("--hall", default=None, help="hall code (with --db; default every hall)")


def _date(text: str, flag: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ReportError(f"{flag} 不是有效日期（YYYY-MM-DD）: {text}") from None


@contextlib.contextmanager
def open_source(args: argparse.Namespace) -> Iterator[Any]:
    """The replica of --data-dir, or one hall (all halls) of the server at --db."""
    from desktop import report_sources as rs

    if args.db:
        from server import db, figure_rows

        database = db.Database(args.db)
        try:
            db.init_db(database.engine)
            with database.writer() as conn:
                figure_rows.backfill(conn)
            with database.reader() as conn:
                yield rs.ServerSource(conn, args.hall)
        finally:
            database.dispose()
        return
    from desktop.cli import data_dir_of
    from sync.replica import DB_NAME, Replica

    folder = data_dir_of(args)
    if not (folder / DB_NAME).exists():
        raise ReportError(f"{folder} 没有本机数据（replica），请用 --data-dir 或 --db 指定")
    with Replica.in_dir(folder) as replica:
        src = rs.ReplicaSource(replica)
        if args.hall and args.hall != src.hall_code:
            raise ReportError(f"本机数据属于大厅 {src.hall_code or '（未注册）'}，"
                              f"没有大厅 {args.hall}")
        yield src


def _run(fn, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from domain.errors import DomainError

    try:
        return fn(args)
    except (ReportError, DomainError) as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2


def cmd_figures(args: argparse.Namespace) -> int:
    return _run(_figures, args)


def _figures(args: argparse.Namespace) -> int:
    from domain import figures as fg

    start, end = _date(args.start, "--from"), _date(args.end, "--to")
    period = fg.Period.of(start, end, dt.date.today())
    with open_source(args) as src:
        rows, _total = src.compute(period, args.by)
    sys.stdout.write(render(rows, args.format))
    return 0


def render(rows: list[dict[str, Any]], fmt: str) -> str:
    """JSON (a list of rows, English keys, rates 0..1 or null), CSV, or a text table."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        if rows:
            w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows({k: "" if v is None else v for k, v in r.items()} for r in rows)
        return buf.getvalue()
    return text_table(rows)


def _show(key: str, v: Any) -> str:
    if v is None:
        return "—"
    if key.endswith("_rate"):
        return f"{v * 100:.1f}%"
    return str(v)


def text_table(rows: list[dict[str, Any]]) -> str:
    """The main figures aligned for a terminal (CJK characters are two columns wide)."""
    import unicodedata

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    cells = [[h for _k, h in TABLE_COLUMNS]] + [
        [_show(k, r.get(k)) for k, _h in TABLE_COLUMNS] for r in rows]
    widths = [max(width(line[i]) for line in cells) for i in range(len(TABLE_COLUMNS))]
    out = []
    for line in cells:
        parts = [c + " " * (w - width(c)) if i < 2 else " " * (w - width(c)) + c
                 for i, (c, w) in enumerate(zip(line, widths, strict=True))]
        out.append("  ".join(parts).rstrip())
    return "\n".join(out) + "\n"


def cmd_monthly(args: argparse.Namespace) -> int:
    return _run(_monthly, args)


def _monthly(args: argparse.Namespace) -> int:
    from desktop import report_sources as rs
    from domain import figures as fg
    from printing import monthly

    fg.Period.month(args.month, dt.date.today())  # a bad month fails before any I/O
    if args.db and not args.hall:
        raise ReportError("月度考核须指定大厅：--hall CODE")
    if args.out.suffix.lower() != ".pdf":
        raise ReportError(f"--out 应为 .pdf 文件: {args.out}")
    with open_source(args) as src:
        review = rs.monthly_review(src, args.month, dt.date.today())
    data = monthly.to_pdf(review)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"{args.out} ({len(data)} bytes)")
    return 0
