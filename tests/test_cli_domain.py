"""The domain's quick checks on the command line, run as a user runs them."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]


def yichuang(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"},
    )


@pytest.mark.parametrize(("accepted", "days", "expected"), [
    ("2026-09-30", "3", "2026-10-10"),  # National Day 1–7 Oct off, Sat 10 Oct worked
    ("2025-03-07", "1", "2025-03-10"),  # Friday: the weekend is skipped
    ("2025-01-24", "3", "2025-02-05"),  # Spring Festival 2025
    ("2025-03-03", "0", "2025-03-03"),
])
def test_deadline(accepted, days, expected, tmp_path):
    r = yichuang("deadline", "--data-dir", str(tmp_path), "--accepted", accepted, "--days", days)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == expected
    assert r.stderr == ""


def test_deadline_in_an_uncovered_year_warns(tmp_path):
    # Thu 31 Dec 2026 + 3: 元旦 (Fri 1 Jan 2027) is a statutory holiday even before the
    # 2027 schedule is loaded (the first build counted it, one day early); Mon 4, Tue 5,
    # Wed 6
    r = yichuang("deadline", "--data-dir", str(tmp_path), "--accepted", "2026-12-31",
                 "--days", "3")
    assert r.returncode == 0
    assert r.stdout.strip() == "2027-01-06"
    assert "2027" in r.stderr and "临时" in r.stderr


def test_deadline_uses_the_terminals_calendar(tmp_path):
    """`--data-dir D`: the years D's replica pulled count, and are no longer provisional."""
    from domain.calendar_file import decode, parse_schedule
    from sync import reference
    from sync.replica import Replica

    sample = ROOT / "docs" / "calendar" / "sample-2027.csv"
    with Replica.in_dir(tmp_path) as replica:
        reference.store_calendar(replica, [parse_schedule(decode(sample.read_bytes()))])
    # the sample gives Fri 5 – Sat 13 Feb off (Sun 14 is a Sunday), Sat 20 worked
    r = yichuang("deadline", "--data-dir", str(tmp_path), "--accepted", "2027-02-04",
                 "--days", "2")
    assert (r.returncode, r.stdout.strip(), r.stderr) == (0, "2027-02-16", "")
    r = yichuang("deadline", "--data-dir", str(tmp_path), "--accepted", "2027-02-18",
                 "--days", "2")
    assert r.stdout.strip() == "2027-02-20"  # Fri 19, then the make-up Saturday
    other = tmp_path / "other"
    r = yichuang("deadline", "--data-dir", str(other), "--accepted", "2027-02-18",
                 "--days", "2")
    assert r.stdout.strip() == "2027-02-22" and "临时" in r.stderr
    assert not (other / "replica.sqlite3").exists()  # asking never creates a replica


@pytest.mark.parametrize("bad", ["2026/09/30", "tomorrow", ""])
def test_deadline_bad_date(bad):
    r = yichuang("deadline", "--accepted", bad, "--days", "3")
    assert r.returncode != 0
    assert "YYYY-MM-DD" in r.stderr
    assert r.stdout == ""


@pytest.mark.parametrize("impossible", ["2026-02-30", "2025-02-29", "2026-13-01"])
def test_deadline_impossible_date_is_not_called_a_format_error(impossible):
    """Issue 15.13: the form is right, the day does not exist; say that."""
    r = yichuang("deadline", "--accepted", impossible, "--days", "3")
    assert r.returncode == 2 and r.stdout == ""
    assert "没有这一天" in r.stderr and impossible in r.stderr
    assert "格式" not in r.stderr


def test_deadline_bad_days():
    r = yichuang("deadline", "--accepted", "2026-09-30", "--days", "-1")
    assert r.returncode != 0 and "工作日数" in r.stderr


@pytest.mark.parametrize(("number", "expected"), [
    ("11010519491231002X", "1949-12-31 女"),
    ("11010519491231002x", "1949-12-31 女"),
    ("440524188001010014", "1880-01-01 男"),
    ("810000199001010019", "1990-01-01 男"),
])
def test_check_id_valid(number, expected):
    r = yichuang("check-id", number)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == expected


@pytest.mark.parametrize(("number", "words"), [
    ("110105194912310021", "校验位"),
    ("1101051949123100", "18位"),
    ("11010520250230002X", "出生日期"),
    ("11010519491231002Y", "数字"),
])
def test_check_id_invalid(number, words):
    r = yichuang("check-id", number)
    assert r.returncode != 0
    assert "身份证号码" in r.stderr and words in r.stderr
    assert r.stdout == ""


def test_demo_data_and_stats_with_data_dir_after_the_command(tmp_path):
    d = tmp_path / "terminal-1"
    r = yichuang("demo-data", "--cases", "12", "--data-dir", str(d))
    assert r.returncode == 0, r.stderr
    done = json.loads(r.stdout)
    assert done["cases"] == 12 and done["accepted"] <= 12
    assert (d / "replica.sqlite3").exists()
    r = yichuang("stats", "--data-dir", str(d))
    assert r.returncode == 0, r.stderr
    stats = json.loads(r.stdout)
    assert {"events", "cases", "pending"} <= set(stats)
    assert stats["cases"] == 12
    assert stats["events"] >= 12 + done["accepted"]
    assert stats["pending"] == stats["events"]  # nothing was pushed
    # --data-dir before the sub-command means the same folder
    r = yichuang("--data-dir", str(d), "stats")
    assert json.loads(r.stdout) == stats
    # a folder holding no terminal is refused, not made into an empty one (issue 15.13)
    r = yichuang("stats", "--data-dir", str(tmp_path / "terminal-2"))
    assert r.returncode == 2 and not (tmp_path / "terminal-2").exists()
