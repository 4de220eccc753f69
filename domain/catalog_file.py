"""Reading a catalog file with line numbers, so a bad one is refused with a clear message.

Two shapes (JSON, UTF-8):

* a standard catalog: `{"level": "province", "label": "…", "departments": […],
  "items": [{code, name, department, kind, promised_days, legal_days, fee,
  agent_allowed, mailing_allowed, materials}]}`;
* a hall file (resources/catalog/demo.json): the same items with the hall's local
  fields (`no`, `zone`, `windows`, `kiosk`), plus `hall`, `zones`, `windows`, `staff`.
  Its items go into the standard catalog and are enabled in the hall in one go.

The standard JSON decoder says nothing about where an object began, so the file is
decoded with the pure-Python scanner, whose object parser is wrapped to note the line
each object starts on; every problem names that line.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from dataclasses import dataclass, field
from typing import Any

from domain.standard_catalog import LEVELS, CatalogFileError, check_item

LINE = "__line__"
MAX_ERRORS = 30


class _LineDecoder(json.JSONDecoder):
    def __init__(self, text: str) -> None:
        super().__init__()
        breaks = [i for i, c in enumerate(text) if c == "\n"]
        plain = json.decoder.JSONObject

        def parse_object(s_and_end, *args):  # type: ignore[no-untyped-def]
            obj, end = plain(s_and_end, *args)
            obj[LINE] = bisect.bisect_left(breaks, s_and_end[1]) + 1
            return obj, end

        self.parse_object = parse_object
        self.scan_once = json.scanner.py_make_scanner(self)


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


@dataclass
class CatalogFile:
    """A checked catalog file: the standard items, and the hall part if it has one."""

    level: str
    label: str
    departments: list[dict[str, Any]]
    items: dict[str, dict[str, Any]]  # code → item record (local fields kept, if any)
    hall: dict[str, Any] | None = None  # hall, zones, windows, staff of a hall file
    lines: dict[str, int] = field(default_factory=dict)  # code → line


def parse_catalog(text: str, level: str | None = None) -> CatalogFile:
    """Decode and check; CatalogFileError lists every problem with its line."""
    try:
        data = _LineDecoder(text).decode(text)
    except json.JSONDecodeError as exc:
        raise CatalogFileError([f"第{exc.lineno}行第{exc.colno}列: JSON格式错误: {exc.msg}"]
                               ) from exc
    if not isinstance(data, dict):
        raise CatalogFileError(["第1行: 目录文件应为JSON对象 {…}"])
    problems: list[str] = []
    lvl = level or str(data.get("level") or "province")
    if lvl not in LEVELS:
        problems.append(f"第{data[LINE]}行: 层级应为 {'、'.join(LEVELS)} 之一: {lvl!r}")
    deps = data.get("departments", [])
    dep_ids = {str(d.get("id")) for d in deps if isinstance(d, dict)} if deps else None
    items, lines = {}, {}
    raw = data.get("items")
    if not isinstance(raw, list) or not raw:
        problems.append(f"第{data[LINE]}行: 缺少事项列表 items")
        raw = []
    hall_file = isinstance(data.get("hall"), dict)
    nos: dict[str, int] = {}
    for rec in raw:
        if not isinstance(rec, dict):
            problems.append(f"第{data[LINE]}行: items中每一项应为对象")
            continue
        line = rec[LINE]
        code = str(rec.get("code", "")).strip()
        for p in check_item(rec, dep_ids):
            problems.append(f"第{line}行: 事项{code or '（无编码）'}: {p}")
        if code in lines:
            problems.append(f"第{line}行: 事项编码{code}与第{lines[code]}行重复")
        if hall_file:
            no = str(rec.get("no", ""))
            if not (len(no) == 4 and no.isdigit()):
                problems.append(f"第{line}行: 事项{code}的短号no应为4位数字: {no!r}")
            elif no in nos:
                problems.append(f"第{line}行: 短号{no}与第{nos[no]}行重复")
            nos[no] = line
        if code and code not in lines:
            lines[code] = line
            items[code] = _strip(rec)
    if problems:
        more = len(problems) - MAX_ERRORS
        raise CatalogFileError(problems[:MAX_ERRORS] + ([f"……另有{more}处错误"] if more > 0 else []))
    hall = None
    if hall_file:
        hall = {k: _strip(data[k]) for k in ("hall", "zones", "windows", "staff", "periods",
                                             "duty", "queue_rules") if k in data}
    return CatalogFile(level=lvl, label=str(data.get("label", "")),
                       departments=_strip(deps) if isinstance(deps, list) else [],
                       items=items, hall=hall, lines=lines)


# reference kinds (the server's `reference` table and the replica's)
STD_ITEM, STD_DEPARTMENT, CATALOG_HEAD, ENABLED = "std_item", "std_department", "catalog", "enabled"
PERIOD, DUTY = "period", "duty"
QUEUE_RULES = "queue_rules"
HALL_KINDS = ("zone", "window", "staff", ENABLED, PERIOD, DUTY, QUEUE_RULES)

Row = tuple[str, str, dict[str, Any]]  # kind, id, data


def std_id(level: str, key: str) -> str:
    """The id of a standard row: `city:11371100…`."""
    return f"{level}:{key}"


def standard_rows(cf: CatalogFile, version: int, codes: set[str] | None = None) -> list[Row]:
    """Rows for every hall ("*"): the items (all, or only `codes`) and departments."""
    from domain.standard_catalog import standard_item

    rows: list[Row] = [
        (STD_ITEM, std_id(cf.level, code), {**standard_item(rec), "level": cf.level,
                                            "version": version})
        for code, rec in cf.items.items() if codes is None or code in codes]
    rows += [(STD_DEPARTMENT, std_id(cf.level, str(d["id"])),
              {"id": str(d["id"]), "name": str(d.get("name", "")), "level": cf.level})
             for d in cf.departments]
    return rows


def hall_rows(cf: CatalogFile) -> list[Row]:
    """A hall file's own rows: the hall, zones, windows, staff, and its enabled items."""
    from domain import passwords
    from domain.standard_catalog import local_part

    assert cf.hall is not None
    rows: list[Row] = [("hall", "hall", dict(cf.hall["hall"]))]
    rows += [("zone", str(z["id"]), z) for z in cf.hall.get("zones", ())]
    rows += [("window", str(w["id"]), w) for w in cf.hall.get("windows", ())]
    for s in cf.hall.get("staff", ()):
        s = dict(s)
        if "password" in s:
            s["password_hash"] = passwords.hash_password(str(s.pop("password")))
        rows.append(("staff", str(s["id"]), s))
    rows += [(ENABLED, str(rec["no"]), {**local_part(rec), "code": code, "level": cf.level})
             for code, rec in cf.items.items()]
    if cf.hall.get("queue_rules"):  # the hall's queue rules (domain.queue_rules)
        rows.append((QUEUE_RULES, "rules", dict(cf.hall["queue_rules"])))
    return rows + hours_rows(cf.hall)


def hours_rows(data: dict[str, Any]) -> list[Row]:
    """A hall's opening periods and duty roster as rows; ValueError names a bad one."""
    from domain.opening import Duty, Period

    rows: list[Row] = [(PERIOD, p.id, p.to_dict())
                       for p in (Period.from_dict(d) for d in data.get("periods", ()))]
    ids = {r[1] for r in rows}
    for d in data.get("duty", ()):
        duty = Duty.from_dict(d)
        if duty.period not in ids:
            raise ValueError(f"值班表中的时段 {duty.period} 没有定义")
        rows.append((DUTY, f"{duty.day.isoformat()}:{duty.period}", duty.to_dict()))
    return rows
