"""The standard catalog on the server: import by level and version, diff, refusals by
line, halls enabling items — the commands as written, and what terminals then compose."""

from __future__ import annotations

import copy
import json
import pathlib

from domain import catalog_file as cfile
from server import catalog, db
from sync.reference import compose_rows
from tests.support.servers import DEMO_CATALOG, yichuang

LOCAL = ("no", "zone", "windows", "kiosk")


def standard_file(tmp_path, name: str = "std.json", edit=None) -> str:
    """The demo's items as a city's standard catalog (no local fields)."""
    demo = json.loads(DEMO_CATALOG.read_text("utf-8"))
    data = {"level": "city", "label": "日照市政务服务事项目录（测试）",
            "departments": demo["departments"],
            "items": [{k: v for k, v in i.items() if k not in LOCAL} for i in demo["items"]]}
    if edit:
        edit(data)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return str(path)


def _v2(data: dict) -> None:
    items = data["items"]
    items[0]["materials"][0]["name"] = "公司登记（备案）申请书（2027版）"
    items[0]["fee"] = "工本费10元"
    items[1]["promised_days"] = 2
    removed = items.pop(5)
    assert removed["code"]
    new = copy.deepcopy(items[2])
    new["code"], new["name"] = "11371100MB28451099000117999", "个体工商户设立登记（新）"
    items.append(new)


def test_import_diff_and_enable_as_written(sqlite_url, tmp_path):
    db_ = sqlite_url
    v1 = standard_file(tmp_path)
    out = yichuang("admin", "--db", db_, "catalog", "import", v1)
    first = json.loads(out.stdout)
    assert first["level"] == "city" and first["version"] == 1 and len(first["added"]) == len(json.loads(DEMO_CATALOG.read_text("utf-8"))["items"])
    v2 = standard_file(tmp_path, "v2.json", _v2)
    diff = yichuang("admin", "--db", db_, "catalog", "diff", v2).stdout.splitlines()
    assert diff[0] == "# city: v1 → v2"
    assert "+ 11371100MB28451099000117999 个体工商户设立登记（新）" in diff
    assert sum(line.startswith("- ") for line in diff) == 1
    changed = [line for line in diff if line.startswith("~ ")]
    assert any(line.endswith(": fee, materials") for line in changed)
    assert any(line.endswith(": promised_days") for line in changed)

    yichuang("admin", "--db", db_, "hall", "add", "371100", "日照市政务服务中心")
    codes = [json.loads(DEMO_CATALOG.read_text("utf-8"))["items"][i]["code"] for i in (0, 1, 5)]
    out = yichuang("admin", "--db", db_, "hall", "enable", "371100", *codes, "--zone", "Z1")
    enabled = [json.loads(line) for line in out.stdout.splitlines()]
    assert [e["no"] for e in enabled] == ["0001", "0002", "0003"]
    again = yichuang("admin", "--db", db_, "hall", "enable", "371100", codes[0],
                     "--no-kiosk").stdout
    assert json.loads(again)["no"] == "0001" and json.loads(again)["kiosk"] is False

    res = yichuang("admin", "--db", db_, "catalog", "import", v2)
    second = json.loads(res.stdout)
    assert second["version"] == 2 and second["removed"] == [codes[2]]
    assert second["still_enabled"] == {codes[2]: ["371100"]}
    assert "~ " in res.stderr and "仍在这些大厅启用" in res.stderr  # said before it applied
    # only what changed was written: a terminal pulls 3 items and a deletion, not 51
    database = db.Database(db_)
    try:
        with database.reader() as conn:
            head = catalog.head(conn, "city")
            versions = [r["version"] for r in catalog.standard(conn, "city").values()]
            rows = [(k, i, json.loads(d)) for k, i, d in conn.execute(
                db.reference.select().with_only_columns(
                    db.reference.c.kind, db.reference.c.id, db.reference.c.data).where(
                    db.reference.c.hall_code.in_(["371100", "*"]),
                    db.reference.c.data.is_not(None)))]
    finally:
        database.dispose()
    assert head["version"] == 2 and versions.count(2) == 3 and versions.count(1) == len(versions) - 3
    composed = compose_rows(rows)
    items = {i["no"]: i for i in composed["items"]}
    assert set(items) == {"0001", "0002"}  # the removed item left the hall
    assert items["0001"]["version"] == "city:2" and items["0001"]["kiosk"] is False
    assert items["0001"]["materials"][0]["name"] == "公司登记（备案）申请书（2027版）"
    assert items["0002"]["promised_days"] == 2 and items["0002"]["zone"] == "Z1"


def test_a_hall_cannot_change_what_the_standard_owns(sqlite_url, tmp_path):
    yichuang("admin", "--db", sqlite_url, "catalog", "import", standard_file(tmp_path))
    yichuang("admin", "--db", sqlite_url, "hall", "add", "371100", "日照")
    code = json.loads(DEMO_CATALOG.read_text("utf-8"))["items"][0]["code"]
    yichuang("admin", "--db", sqlite_url, "hall", "enable", "371100", code)
    database = db.Database(sqlite_url)
    try:
        with database.writer() as conn:
            # even a row written behind the command's back cannot override the standard
            from server.admin import set_reference

            set_reference(conn, [("371100", cfile.ENABLED, "0001", {
                "no": "0001", "code": code, "level": "city", "materials": [],
                "promised_days": 99, "name": "改名"})])
            rows = [("std_item", "x", rec) for rec in catalog.standard(conn, "city").values()]
            rows.append((cfile.ENABLED, "0001", json.loads(conn.execute(
                db.reference.select().with_only_columns(db.reference.c.data).where(
                    db.reference.c.kind == cfile.ENABLED)).scalar_one())))
    finally:
        database.dispose()
    (item,) = compose_rows(rows)["items"]
    assert item["name"] == "企业设立登记" and item["promised_days"] == 1
    assert len(item["materials"]) == 8


def test_bad_catalog_files_are_refused_by_line_and_change_nothing(sqlite_url, tmp_path):
    good = standard_file(tmp_path)
    yichuang("admin", "--db", sqlite_url, "catalog", "import", good)

    def spoil(data: dict) -> None:
        data["items"][4]["promised_days"] = 40  # more than its legal limit (20)
        data["items"][7]["code"] = data["items"][6]["code"]  # a duplicate code
        data["items"][9]["materials"][0]["required"] = False  # conditional, no condition
        data["items"][10]["kind"] = "soon"

    bad = standard_file(tmp_path, "bad.json", spoil)
    res = yichuang("admin", "--db", sqlite_url, "catalog", "import", bad, check=False)
    assert res.returncode == 2 and res.stdout == "" and "没有任何改动" in res.stderr
    lines = [line.strip() for line in res.stderr.splitlines()[1:]]
    assert len(lines) == 4 and all(line.startswith("第") and "行: " in line for line in lines)
    text = pathlib.Path(bad).read_text(encoding="utf-8").splitlines()
    for line in lines:  # each message points at the line where that item starts
        n = int(line[1:line.index("行")])
        assert text[n - 1].strip() == "{"
    assert "不能超过法定时限" in res.stderr and "重复" in res.stderr
    assert "condition" in res.stderr and "instant或promised" in res.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"items": [\n {"code": "x",\n "name": "y"\n ]}', encoding="utf-8")
    res = yichuang("admin", "--db", sqlite_url, "catalog", "diff", str(broken), check=False)
    assert res.returncode == 2 and "第4行" in res.stderr and "JSON" in res.stderr
    after = yichuang("admin", "--db", sqlite_url, "catalog", "diff", good).stdout
    assert after.splitlines() == ["# city: v1 → v1", "（无变化）"]


def test_enable_refuses_unknown_items(sqlite_url, tmp_path):
    yichuang("admin", "--db", sqlite_url, "catalog", "import", standard_file(tmp_path))
    yichuang("admin", "--db", sqlite_url, "hall", "add", "371100", "日照")
    res = yichuang("admin", "--db", sqlite_url, "hall", "enable", "371100", "NOPE",
                   check=False)
    assert res.returncode == 2 and "标准目录中没有事项 NOPE" in res.stderr
    res = yichuang("admin", "--db", sqlite_url, "hall", "enable", "000000", "NOPE",
                   check=False)
    assert res.returncode == 2 and "没有这个大厅" in res.stderr


def test_hall_hours_as_written(sqlite_url, tmp_path):
    hours = pathlib.Path(DEMO_CATALOG).parents[2] / "docs" / "hours" / "yibin-style.json"
    yichuang("admin", "--db", sqlite_url, "hall", "add", "371100", "日照")
    out = yichuang("admin", "--db", sqlite_url, "hall", "hours", "371100", str(hours)).stdout
    assert json.loads(out) == {"hall": "371100", "periods": 4, "duty": 2}
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"periods": [{"id": "am", "start": "12:00", "end": "09:00"}]}),
                   encoding="utf-8")
    res = yichuang("admin", "--db", sqlite_url, "hall", "hours", "371100", str(bad),
                   check=False)
    assert res.returncode == 2 and "没有任何改动" in res.stderr
    database = db.Database(sqlite_url)
    try:
        with database.reader() as conn:
            periods = catalog._rows(conn, "371100", cfile.PERIOD)
    finally:
        database.dispose()
    assert sorted(periods) == ["am", "duty", "eve", "pm"]
