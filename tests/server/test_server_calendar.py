"""The centre's calendar: by year, merged, refused whole, shipped years brought by upgrades."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from domain.calendar_file import YearSchedule
from server import admin, calendar, db
from tests.support.servers import ROOT, yichuang

SAMPLE = ROOT / "docs" / "calendar" / "sample-2027.csv"


def _rows(url: str) -> dict[str, tuple[int, str | None]]:
    database = db.Database(url)
    try:
        with database.reader() as conn:
            r = db.reference
            return {row.id: (int(row.change_seq), row.data) for row in conn.execute(
                sa.select(r.c.id, r.c.change_seq, r.c.data).where(r.c.kind == "calendar"))}
    finally:
        database.dispose()


def test_import_merges_by_year_and_show_prints_it(sqlite_url, tmp_path):
    yichuang("admin", "--db", sqlite_url, "hall", "list")  # a fresh database, seeded
    before = _rows(sqlite_url)
    assert {str(y) for y in range(2020, 2027)} <= set(before)
    res = yichuang("admin", "--db", sqlite_url, "calendar", "import", str(SAMPLE))
    assert json.loads(res.stdout) == {"year": 2027, "holidays": 29, "workdays": 4,
                                      "replaced": False, "days_changed": None}
    after = _rows(sqlite_url)
    assert after["2026"] == before["2026"]  # 2026 untouched: same row, same change seq
    assert after["2027"][0] > max(seq for seq, _ in before.values())
    shown = yichuang("admin", "--db", sqlite_url, "calendar", "show", "--year", "2027").stdout
    lines = shown.splitlines()
    assert lines[1:4] == ["# year: 2027", "date,kind,name", "2027-01-01,holiday,元旦"]
    assert "origin: import" in lines[0] and "sample-2027.csv" in lines[0]
    # what show prints loads again, unchanged
    again = tmp_path / "again.csv"
    again.write_text(shown, encoding="utf-8")
    res = yichuang("admin", "--db", sqlite_url, "calendar", "import", str(again))
    assert json.loads(res.stdout)["replaced"] is True
    assert json.loads(res.stdout)["days_changed"] == 0


def test_a_bad_file_changes_nothing(sqlite_url, tmp_path):
    yichuang("admin", "--db", sqlite_url, "hall", "list")
    before = _rows(sqlite_url)
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind,name\n2027-01-01,holiday,元旦\n2027-01-04,workday,x\n"
                   "2027-01-01,holiday,元旦\n2026-12-31,holiday,元旦\n", encoding="utf-8")
    res = yichuang("admin", "--db", sqlite_url, "calendar", "import", str(bad), check=False)
    assert res.returncode == 2 and res.stdout == ""
    assert "第3行" in res.stderr and "第4行" in res.stderr and "多个年份" in res.stderr
    assert "没有任何改动" in res.stderr
    assert _rows(sqlite_url) == before
    missing = yichuang("admin", "--db", sqlite_url, "calendar", "import",
                       str(tmp_path / "nope.csv"), check=False)
    assert missing.returncode == 2 and "无法读取" in missing.stderr


def test_show_a_year_not_loaded_says_so(sqlite_url):
    res = yichuang("admin", "--db", sqlite_url, "calendar", "show", "--year", "2031",
                   check=False)
    assert res.returncode == 2 and "2031年的节假日安排尚未载入" in res.stderr


def _writer(url: str):  # type: ignore[no-untyped-def]
    database = db.Database(url)
    db.init_db(database.engine)
    return database


def test_shipped_years_are_merged_at_every_start(db_url):
    """The first build seeded once: an upgrade that shipped a new year changed nothing."""
    database = _writer(db_url)
    try:
        with database.writer() as conn:
            admin.ensure_calendar(conn)
            y2026 = calendar.years(conn)[2026]
            # an older shipped copy: 2026 without its National Day, 2025 missing
            stale = YearSchedule(2026, {d: n for d, n in y2026.holidays.items()
                                        if d.month != 10}, y2026.workdays, "shipped")
            admin.set_reference(conn, [
                (db.ALL_HALLS, "calendar", "2026", {**stale.to_dict(), "origin": "shipped"}),
                (db.ALL_HALLS, "calendar", "2025", None)])
            # and an administrator's own 2024, which no upgrade may overwrite
            mine = YearSchedule(2024, {}, {}, "mine.csv")
            calendar.import_year(conn, mine)
        with database.writer() as conn:
            written = calendar.merge_shipped(conn)
            assert sorted(written) == [2025, 2026]
            got = calendar.years(conn)
            assert got[2026].same_days(y2026) and 2025 in got
            assert got[2024].holidays == {}  # the imported year stays
            assert calendar.merge_shipped(conn) == []  # nothing left to do
    finally:
        database.dispose()


def test_first_build_calendar_row_is_split_into_years(db_url):
    """The first build kept all years in one row `cn` (and a Python push of 2027 replaced
    it whole): it is split into per-year rows and its deletion travels to terminals."""
    from domain.workdays import WorkCalendar
    from resources.calendar import shipped

    database = _writer(db_url)
    try:
        only_2027 = WorkCalendar.from_schedules([YearSchedule(
            2027, {dt.date(2027, 1, 1): "元旦"}, {})])
        with database.writer() as conn:
            admin.set_reference(conn, [(db.ALL_HALLS, "calendar", "cn", only_2027.to_dict())])
        with database.writer() as conn:
            admin.ensure_calendar(conn)
            rows = calendar.stored(conn)
        assert "cn" not in rows
        assert rows["2027"]["origin"] == "legacy"
        assert {int(k) for k in rows} == {s.year for s in shipped()} | {2027}
    finally:
        database.dispose()
    deleted = _rows(db_url)["cn"]
    assert deleted[1] is None
