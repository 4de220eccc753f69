"""The standard catalog: one list of items per level, versioned, that halls enable.

"Same item, same standard, same code" (Bao'an; Jiedong's 标准化): a province or a city
keeps one catalog of its service items — the code (事项编码 / 实施编码), name, department,
materials, legal and promised limits, fee. A hall enables items from it and sets only
what is local: the short number printed in its slip barcodes, the zone, the windows,
the opening periods, whether the kiosk offers it. It cannot change materials or limits:
the composed item takes those from the standard, always.

Every import of a level's catalog is a new version; `diff` says what it changes (items
added, removed, and which fields of which item) before it is applied. A case records
the version it was accepted under and keeps its own copy of the materials, so its papers
print what the citizen was told even after the catalog moved on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from domain.catalog import INSTANT, PROMISED

LEVELS = ("province", "city")
STANDARD_FIELDS = ("code", "name", "department", "kind", "promised_days", "legal_days", "fee",
                   "agent_allowed", "mailing_allowed", "materials")
LOCAL_FIELDS = ("no", "zone", "windows", "kiosk", "periods")
MATERIAL_FIELDS = ("id", "name", "originals", "copies", "required", "condition")
MAX_DAYS = 3650


class CatalogFileError(ValueError):
    """A catalog file that cannot be loaded; `problems` are "line N: …" texts."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def standard_item(rec: Mapping[str, Any]) -> dict[str, Any]:
    """The standard part of an item record, normalised (defaults filled, types fixed).

    Everything the law fixes for the item travels with the standard: its materials
    (with 容缺 and agent flags and the party that brings each), the parties it needs,
    the most a head may extend it by. A hall cannot change any of it.
    """
    out = {
        "code": str(rec["code"]).strip(), "name": str(rec["name"]).strip(),
        "department": str(rec.get("department", "")).strip(),
        "kind": rec.get("kind", PROMISED),
        "promised_days": int(rec.get("promised_days", 0)),
        "legal_days": int(rec.get("legal_days", 0)),
        "fee": str(rec.get("fee", "不收费")),
        "agent_allowed": bool(rec.get("agent_allowed", True)),
        "mailing_allowed": bool(rec.get("mailing_allowed", True)),
        "materials": [_standard_material(m) for m in rec.get("materials", ())],
    }
    if rec.get("parties"):
        out["parties"] = [{"role": str(p["role"]), "name": str(p["name"]),
                           "min": int(p.get("min", 1)), "max": int(p.get("max", 1))}
                          for p in rec["parties"]]
    if rec.get("extension_days") is not None:
        out["extension_days"] = int(rec["extension_days"])
    return out


def _standard_material(m: Mapping[str, Any]) -> dict[str, Any]:
    out = {"id": str(m["id"]), "name": str(m["name"]).strip(),
           "originals": int(m.get("originals", 1)), "copies": int(m.get("copies", 0)),
           "required": bool(m.get("required", True)), "condition": str(m.get("condition", ""))}
    # optional flags only when a catalog states them, so a diff shows only real changes
    for flag in ("tolerable", "for_agent"):
        if m.get(flag) is not None:
            out[flag] = bool(m[flag])
    if m.get("party"):
        out["party"] = str(m["party"])
    return out


def check_item(rec: Mapping[str, Any], departments: set[str] | None = None) -> list[str]:
    """What is wrong with one item record (empty when it may be loaded)."""
    out: list[str] = []
    for key in ("code", "name"):
        if not str(rec.get(key, "")).strip():
            out.append(f"缺少{key}")
    if out:
        return out
    if rec.get("kind", PROMISED) not in (INSTANT, PROMISED):
        out.append(f"kind应为instant或promised: {rec.get('kind')!r}")
    try:
        promised, legal = int(rec.get("promised_days", 0)), int(rec.get("legal_days", 0))
    except (TypeError, ValueError):
        return [*out, "promised_days和legal_days应为整数"]
    if not (0 <= promised <= MAX_DAYS and 0 <= legal <= MAX_DAYS):
        out.append(f"时限超出范围: 承诺{promised}，法定{legal}")
    elif rec.get("kind", PROMISED) == PROMISED and promised < 1:
        out.append("承诺件的promised_days应至少为1")
    elif rec.get("kind", PROMISED) == INSTANT and promised != 0:
        out.append("即办件的promised_days应为0")
    elif legal and promised > legal:
        out.append(f"承诺时限（{promised}）不能超过法定时限（{legal}）")
    dep = str(rec.get("department", "")).strip()
    if departments is not None and dep not in departments:
        out.append(f"部门{dep!r}不在文件的departments中")
    out += _check_materials(rec.get("materials", ()))
    return out


def _check_materials(materials: Any) -> list[str]:
    if not isinstance(materials, list):
        return ["materials应为列表"]
    out, ids = [], set()
    for n, m in enumerate(materials, 1):
        if not isinstance(m, Mapping) or not str(m.get("id", "")).strip() \
                or not str(m.get("name", "")).strip():
            out.append(f"第{n}项材料缺少id或name")
            continue
        if m["id"] in ids:
            out.append(f"材料编号{m['id']}重复")
        ids.add(m["id"])
        try:
            if int(m.get("originals", 1)) < 0 or int(m.get("copies", 0)) < 0:
                out.append(f"材料{m['id']}的份数不能为负")
        except (TypeError, ValueError):
            out.append(f"材料{m['id']}的份数应为整数")
        if not m.get("required", True) and not str(m.get("condition", "")).strip():
            out.append(f"材料{m['id']}非必需，须写明condition（何种情形需要）")
    return out


@dataclass(frozen=True)
class Change:
    """One item whose standard fields differ between two versions."""

    code: str
    name: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class CatalogDiff:
    """What a new version changes: codes added and removed, items changed (by field)."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[Change, ...] = ()
    names: Mapping[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def lines(self) -> list[str]:
        """The diff as an administrator reads it before it is applied."""
        out = [f"+ {c} {self.names.get(c, '')}" for c in self.added]
        out += [f"- {c} {self.names.get(c, '')}" for c in self.removed]
        out += [f"~ {c.code} {c.name}: {', '.join(c.fields)}" for c in self.changed]
        return out or ["（无变化）"]

    def summary(self) -> dict[str, Any]:
        return {"added": list(self.added), "removed": list(self.removed),
                "changed": {c.code: list(c.fields) for c in self.changed}}


def diff(old: Mapping[str, Mapping[str, Any]], new: Mapping[str, Mapping[str, Any]]
         ) -> CatalogDiff:
    """Compare two versions (code → standard item); fields compared after normalising."""
    names = {c: str(r.get("name", "")) for c, r in {**old, **new}.items()}
    changed = []
    for code in sorted(set(old) & set(new)):
        a, b = standard_item(old[code]), standard_item(new[code])
        fields = tuple(f for f in STANDARD_FIELDS if a[f] != b[f])
        if fields:
            changed.append(Change(code, b["name"], fields))
    return CatalogDiff(tuple(sorted(set(new) - set(old))), tuple(sorted(set(old) - set(new))),
                       tuple(changed), names)


def local_part(rec: Mapping[str, Any]) -> dict[str, Any]:
    """What a hall sets for an item it enables (nothing the standard owns)."""
    return {"no": str(rec["no"]), "zone": str(rec.get("zone", "")),
            "windows": [str(w) for w in rec.get("windows", ())],
            "kiosk": bool(rec.get("kiosk", True)),
            "periods": [str(p) for p in rec.get("periods", ())]}


def compose(std: Mapping[str, Any], local: Mapping[str, Any], version: str) -> dict[str, Any]:
    """A hall's item: the standard fields, always, plus the hall's local ones."""
    return {**standard_item(std), **local_part(local), "version": version}


def next_short_number(taken: Iterable[str]) -> str:
    """The next free 4-digit short number of a hall (printed in slip barcodes)."""
    used = {int(n) for n in taken if str(n).isdigit()}
    n = max(used, default=0) + 1
    while n in used:
        n += 1
    if n > 9999:
        raise ValueError("大厅的事项短号已用完（最多9999个）")
    return f"{n:04d}"


def compose_rows(rows: Iterable[tuple[str, str, Mapping[str, Any]]],
                 initials: Callable[[str], str] | None = None) -> dict[str, Any]:
    """The catalog JSON shape from reference rows: the hall's enabled items composed with
    the standard items (materials and limits from the standard, always), plus items of a
    first-build hall catalog (kind `item`) as they are.

    The same on a terminal and on the server, so both name a department or an item the
    same way; `initials` adds pinyin initials where a picker needs them.
    """
    from domain import catalog_file as cfile

    data: dict[str, Any] = {"hall": {"code": "", "name": ""}}
    plural = {"department": "departments", "zone": "zones", "window": "windows",
              "staff": "staff", "item": "items"}
    buckets: dict[str, list] = {k: [] for k in plural.values()}
    std: dict[tuple[str, str], Mapping[str, Any]] = {}
    std_deps: dict[str, dict] = {}
    heads: dict[str, int] = {}
    enabled: list[Mapping[str, Any]] = []
    for kind, _rid, rec in rows:
        if kind == "hall":
            data["hall"] = dict(rec)
        elif kind in plural:
            buckets[plural[kind]].append(dict(rec))
        elif kind == cfile.STD_ITEM:
            std[(str(rec.get("level")), str(rec["code"]))] = rec
        elif kind == cfile.STD_DEPARTMENT:
            std_deps.setdefault(str(rec["id"]), dict(rec))
        elif kind == cfile.CATALOG_HEAD:
            heads[str(rec.get("level"))] = int(rec.get("version", 0))
        elif kind == cfile.ENABLED:
            enabled.append(rec)
    by_code = {code: rec for (_lvl, code), rec in std.items()}
    for local in enabled:
        rec = std.get((str(local.get("level")), str(local.get("code")))) \
            or by_code.get(str(local.get("code")))
        if rec is None:
            continue  # the standard item was removed: the hall no longer offers it
        level = str(rec.get("level", ""))
        item = compose(rec, local, f"{level}:{heads.get(level, rec.get('version', 0))}")
        if rec.get("initials"):  # a terminal's note on the standard record (pinyin)
            item["initials"] = rec["initials"]
        buckets["items"].append(item)
    own = {d["id"] for d in buckets["departments"]}
    buckets["departments"] += [d for i, d in std_deps.items() if i not in own]
    if initials is not None:
        for item in buckets["items"]:
            if not item.get("initials"):
                item["initials"] = initials(str(item.get("name", "")))
    buckets["items"].sort(key=lambda i: i["no"])
    data.update(buckets)
    return data
