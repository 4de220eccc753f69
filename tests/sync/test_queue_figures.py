"""Queue wait and service times in the figures (issue 9: "average wait and service time
where the queue knows them"): known tickets, taken at the kiosk and served at two
counters over a real server, give the same averages to the second from
`yichuang report figures` on a terminal's replica and on the server (SQLite and
PostgreSQL), by window, staff, zone and day; the monthly paper prints them."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import pytest

from desktop.cli import main
from domain import events as ev
from domain import tickets as tk
from domain.application import Actor
from sync import queue
from sync.replica import Replica
from sync.store import CaseStore
from tests.support.converge import sync_all
from tests.support.terminal import Term

D1, D2 = dt.date(2026, 3, 3), dt.date(2026, 3, 4)


def at(day: dt.date, hms: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hms), ev.CHINA_TZ)


# (zone, taken, [(kind, window, staff, when)]) — waits and services in seconds:
TICKETS = [
    ("Z1", at(D1, "09:00:00"), [(tk.CALLED, "W01", "S001", "09:07:30"),   # wait 450
                                (tk.STARTED, "W01", "S001", "09:08:00"),
                                (tk.ENDED, "W01", "S001", "09:15:20")]),  # service 440
    ("Z1", at(D1, "09:01:00"), [(tk.CALLED, "W02", "S003", "09:03:15"),   # wait 135
                                (tk.STARTED, "W02", "S003", "09:03:45"),
                                (tk.ENDED, "W02", "S003", "09:05:00")]),  # service 75
    ("Z2", at(D1, "09:02:00"), [(tk.CALLED, "W05", "S008", "09:20:00"),   # wait 1080
                                (tk.NO_SHOW, "W05", "S008", "09:22:00")]),  # no service
    ("Z1", at(D1, "09:30:00"), []),                                        # never called
    ("Z1", at(D2, "10:00:00"), [(tk.CALLED, "W01", "S001", "10:01:01"),   # wait 61
                                (tk.STARTED, "W01", "S001", "10:01:30"),
                                (tk.ENDED, "W01", "S001", "10:03:00")]),  # service 90
]
EXPECTED = {  # by → group → (tickets, avg_wait_seconds, avg_service_seconds)
    "window": {"W01": (2, 255.5, 265.0), "W02": (1, 135.0, 75.0), "W05": (1, 1080.0, None),
               "": (1, None, None), "W03": (0, None, None)},
    "staff": {"S001": (2, 255.5, 265.0), "S003": (1, 135.0, 75.0),
              "S008": (1, 1080.0, None)},
    "zone": {"Z1": (4, 215.3, 201.7), "Z2": (1, 1080.0, None), "Z3": (0, None, None)},
    "day": {D1.isoformat(): (4, 555.0, 257.5), D2.isoformat(): (1, 61.0, 90.0)},
    "hall": {"371100": (5, 431.5, 201.7)},
}


def _serve(kiosk: Term, counters: dict[str, Term]) -> None:
    """Take the tickets at the kiosk, then serve them at the counter of each window."""
    ids = []
    with Replica.in_dir(kiosk.dir) as r:
        me = r.identity().terminal_id
        for zone, taken, _steps in TICKETS:
            ids.append(queue.take(CaseStore(r), zone, Actor("kiosk", me), channel="kiosk",
                                  now=taken).id)
    sync_all([kiosk.dir, *(t.dir for t in counters.values())], rounds=1)
    for tid, (_zone, taken, steps) in zip(ids, TICKETS, strict=True):
        for kind, window, staff, hms in steps:
            t = counters[window]
            with Replica.in_dir(t.dir) as r:
                queue.step(CaseStore(r), tid, kind, window,
                           Actor(staff, r.identity().terminal_id, window),
                           now=at(taken.date(), hms))
            sync_all([t.dir], rounds=1)


def _report(capsys, by: str, *where: str) -> dict[str, tuple]:
    code = main(["report", "figures", *where, "--from", D1.isoformat(), "--to",
                 D2.isoformat(), "--by", by, "--format", "json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    return {r["group"]: (r["tickets"], r["avg_wait_seconds"], r["avg_service_seconds"],
                         r["avg_wait_minutes"]) for r in json.loads(out.out)}


def test_wait_and_service_to_the_second_on_the_replica_and_the_server(
        server, hall_db, code_for, tmp_path, capsys):
    kiosk = Term(tmp_path / "kiosk", server.url, code_for())
    a = Term(tmp_path / "counter-a", server.url, code_for())
    b = Term(tmp_path / "counter-b", server.url, code_for())
    sup = Term(tmp_path / "sup", server.url, code_for())
    _serve(kiosk, {"W01": a, "W02": b, "W05": b})
    sync_all([sup.dir, kiosk.dir, a.dir, b.dir], rounds=1)
    for by, groups in EXPECTED.items():
        mine = _report(capsys, by, "--data-dir", str(sup.dir))
        city = _report(capsys, by, "--db", hall_db, "--hall", "371100")
        assert mine == city, by
        for group, (n, wait, service) in groups.items():
            got = mine[group]
            assert got[:3] == (n, wait, service), (by, group, got)
            assert got[3] == (None if wait is None else round(wait / 60, 2))
    # the supervisor's monthly paper prints them: the hall's averages, per window
    out = tmp_path / "m.pdf"
    assert main(["report", "monthly", "--month", "2026-03", "--data-dir", str(sup.dir),
                 "--out", str(out)]) == 0
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    summary = " ".join(text.split())
    assert "取号 5" in summary and "平均等候(分钟) 7.19" in summary  # 431.5 s
    assert "平均办理(分钟) 3.36" in summary  # 201.7 s
    w01 = next(line for line in text.splitlines() if "1号综合受理窗口" in line)
    assert w01.split()[-3:] == ["2", "4.26", "4.42"]  # 255.5 s and 265 s


def test_wait_and_service_stay_exact_after_compaction(server, code_for, tmp_path, capsys):
    """Issue 16: tickets closed before the retention window lose their events on the
    replica but keep their facts rows, so the wait and service figures stay the same."""
    from sync import compaction

    kiosk = Term(tmp_path / "kiosk", server.url, code_for())
    a = Term(tmp_path / "counter-a", server.url, code_for())
    b = Term(tmp_path / "counter-b", server.url, code_for())
    sup = Term(tmp_path / "sup", server.url, code_for())
    _serve(kiosk, {"W01": a, "W02": b, "W05": b})
    sync_all([sup.dir, kiosk.dir, a.dir, b.dir], rounds=1)
    before = {by: _report(capsys, by, "--data-dir", str(sup.dir)) for by in EXPECTED}
    later = at(D2, "12:00:00") + dt.timedelta(days=200)
    with Replica.in_dir(sup.dir) as r:
        tickets = r.conn.execute("SELECT COUNT(*) FROM tickets").fetchone()[0]
        while not compaction.step(r, now=later, budget_s=5).done:
            pass
        kept = r.conn.execute("SELECT COUNT(*) FROM tickets WHERE compacted=1").fetchone()[0]
        assert tickets == 5 and kept >= 4  # (the one never called is still open)
        assert r.conn.execute("SELECT COUNT(*) FROM events e JOIN tickets t ON t.id = "
                              "unpack_id(e.case_id) WHERE t.compacted=1").fetchone()[0] == 0
    assert {by: _report(capsys, by, "--data-dir", str(sup.dir)) for by in EXPECTED} == before
