"""One year's schedule as the State Council publishes it, and the CSV it is loaded from.

The file an administrator loads (`yichuang admin calendar import FILE`):

    # year: 2019                      optional: the year of the notice, see below
    date,kind,name
    2018-12-29,workday,元旦
    2018-12-30,holiday,元旦
    ...

`kind` is `holiday` (a day off) or `workday` (a weekend day worked, 调休); one row per
day. A notice is for one year, but it may move days at the end of the year before (the
2019 notice made Sat 29 Dec 2018 a working day): a file whose rows span two years must
say which year it is for in a `# year:` line, so a typing slip in a date is never taken
for a neighbouring year. Every problem is reported with its line number, and a file
with any problem is refused whole.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from domain.errors import DomainError

HEADER = ("date", "kind", "name")
KINDS = ("holiday", "workday")
# the days of the previous year a notice may move (its 元旦 arrangement)
SPILL_FROM = (12, 20)
MAX_ERRORS = 20
_DECLARE = re.compile(r"^#\s*year\s*[:：]\s*(\d{4})\s*$", re.IGNORECASE)


class CalendarFileError(DomainError):
    """A schedule file that cannot be loaded; `problems` are "line N: …" texts."""

    code = "calendar.file"

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class YearSchedule:
    """The days one year's notice moves: days off and weekend days worked."""

    year: int
    holidays: Mapping[dt.date, str] = field(default_factory=dict)
    workdays: Mapping[dt.date, str] = field(default_factory=dict)
    source: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The stored shape (a reference row per year), sorted so it diffs well."""
        return {"year": self.year, "source": self.source,
                "holidays": {d.isoformat(): n for d, n in sorted(self.holidays.items())},
                "workdays": {d.isoformat(): n for d, n in sorted(self.workdays.items())}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> YearSchedule:
        return cls(year=int(data["year"]), source=str(data.get("source", "")),
                   holidays={dt.date.fromisoformat(d): str(n)
                             for d, n in data.get("holidays", {}).items()},
                   workdays={dt.date.fromisoformat(d): str(n)
                             for d, n in data.get("workdays", {}).items()})

    def same_days(self, other: YearSchedule) -> bool:
        """Whether two schedules move the same days (names and source aside)."""
        return (self.year == other.year and set(self.holidays) == set(other.holidays)
                and set(self.workdays) == set(other.workdays))

    def to_csv(self, *, declare: bool = False) -> str:
        """The file form, so `calendar show` output can be loaded again."""
        out = io.StringIO()
        spill = any(d.year != self.year for d in (*self.holidays, *self.workdays))
        if spill or declare:
            out.write(f"# year: {self.year}\n")
        w = csv.writer(out, lineterminator="\n")
        w.writerow(HEADER)
        rows = [(d, "holiday", n) for d, n in self.holidays.items()]
        rows += [(d, "workday", n) for d, n in self.workdays.items()]
        for d, kind, name in sorted(rows):
            w.writerow((d.isoformat(), kind, name))
        return out.getvalue()


def split_by_year(holidays: Mapping[dt.date, str], workdays: Mapping[dt.date, str],
                  years: Iterable[int], source: str = "") -> list[YearSchedule]:
    """Cut a many-year calendar (the shipped file) into one schedule per year."""
    return [YearSchedule(y, {d: n for d, n in holidays.items() if d.year == y},
                         {d: n for d, n in workdays.items() if d.year == y}, source)
            for y in sorted(set(years))]


def decode(raw: bytes) -> str:
    """UTF-8 (with or without the BOM Excel writes), else GB18030 (Excel's "CSV" in China)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise CalendarFileError([f"文件编码无法识别（应为UTF-8或GB18030）: {exc}"]) from exc


def parse_schedule(text: str, source: str = "") -> YearSchedule:
    """Read a schedule file; CalendarFileError lists every problem by line."""
    problems: list[str] = []
    declared: int | None = None
    lines = text.splitlines()
    n = 0
    while n < len(lines) and (not lines[n].strip() or lines[n].lstrip().startswith("#")):
        m = _DECLARE.match(lines[n].strip())
        if m:
            declared = int(m.group(1))
        n += 1
    if n == len(lines):
        raise CalendarFileError(["文件是空的：第一行应为表头 date,kind,name"])
    header = tuple(c.strip().lower() for c in next(csv.reader([lines[n]])))
    if header != HEADER:
        raise CalendarFileError([f"第{n + 1}行: 表头应为 date,kind,name，实为 {lines[n]!r}"])
    seen: dict[dt.date, int] = {}
    holidays: dict[dt.date, str] = {}
    workdays: dict[dt.date, str] = {}
    for i, row in enumerate(csv.reader(lines[n + 1:]), start=n + 2):
        if not row or all(not c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        problem = _row(row, i, seen, holidays, workdays)
        if problem:
            problems.append(problem)
    if not seen and not problems:
        problems.append("文件中没有任何日期")
    problems += _years(seen, declared)
    if problems:
        more = len(problems) - MAX_ERRORS
        raise CalendarFileError(problems[:MAX_ERRORS] + ([f"……另有{more}处错误"] if more > 0 else []))
    year = declared if declared is not None else next(iter(seen)).year
    return YearSchedule(year, holidays, workdays, source)


def _row(row: list[str], line: int, seen: dict[dt.date, int],
         holidays: dict[dt.date, str], workdays: dict[dt.date, str]) -> str | None:
    if len(row) != 3:
        return f"第{line}行: 应有3列（date,kind,name），实有{len(row)}列"
    text, kind, name = (c.strip() for c in row)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return f"第{line}行: 日期应为YYYY-MM-DD: {text!r}"
    if kind not in KINDS:
        return f"第{line}行: kind应为holiday或workday: {kind!r}"
    if not name:
        return f"第{line}行: 缺少节日名称（name）"
    if day in seen:
        return f"第{line}行: {day}与第{seen[day]}行重复"
    if kind == "workday" and day.weekday() < 5:
        return f"第{line}行: {day}是星期{'一二三四五'[day.weekday()]}，本来就是工作日，不能列为调休上班日"
    seen[day] = line
    (holidays if kind == "holiday" else workdays)[day] = name
    return None


def _years(seen: Mapping[dt.date, int], declared: int | None) -> list[str]:
    """Rows of a year the file did not declare, with the line they are on."""
    years = sorted({d.year for d in seen})
    if declared is None:
        if len(years) > 1:
            return [f"文件包含多个年份（{'、'.join(map(str, years))}）：一个文件只载入一年的安排；"
                    "若上一年末的日期属于本年的通知，请在表头前加一行 “# year: 年份” 声明"]
        return []
    out = []
    spill_from = dt.date(declared - 1, *SPILL_FROM)
    for day, line in sorted(seen.items(), key=lambda t: t[1]):
        if day.year != declared and not spill_from <= day < dt.date(declared, 1, 1):
            out.append(f"第{line}行: {day}不属于声明的{declared}年（仅可含上一年12月20日以后的调整）")
    if declared not in years and not out:
        out.append(f"文件声明{declared}年，却没有{declared}年的日期")
    return out
