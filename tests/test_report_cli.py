"""`yichuang report figures|monthly` as written: formats, bad input, the PDF looked at."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import subprocess

import pytest

from desktop.cli import main
from sync.demo_data import write_demo_cases
from sync.replica import Replica

TODAY = dt.date.today()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("report")
    with Replica.in_dir(d) as r:
        write_demo_cases(r, 150, today=TODAY)
    return d


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_json_rows_have_every_figure_with_rates_as_fractions(data_dir, capsys):
    start = (TODAY - dt.timedelta(days=30)).isoformat()
    code, out, _ = run(capsys, "report", "figures", "--data-dir", str(data_dir), "--from", start,
                       "--to", TODAY.isoformat(), "--by", "window", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert len(rows) == 29  # every window of the demo hall, busy or not
    for key in ("completion_rate", "instant_rate", "on_time_rate", "satisfaction_rate",
                "bad_ratings", "accepted", "completed", "overdue", "consultations"):
        assert key in rows[0]
    rates = [r["completion_rate"] for r in rows if r["completion_rate"] is not None]
    assert rates and all(0 <= x <= 1 for x in rates)
    assert sum(r["accepted"] for r in rows) > 0


def test_csv_and_table(data_dir, capsys):
    args = ("report", "figures", "--data-dir", str(data_dir), "--from", "2020-01-01", "--to",
            TODAY.isoformat(), "--by", "zone")
    code, out, _ = run(capsys, *args, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows[0]["group"] == "Z1" and "satisfaction_rate" in rows[0]
    code, out, _ = run(capsys, *args, "--format", "table")
    assert code == 0 and "满意率" in out.splitlines()[0] and "企业开办服务区" in out


def test_an_empty_period_gives_zeros_and_nulls(data_dir, capsys):
    code, out, _ = run(capsys, "report", "figures", "--data-dir", str(data_dir), "--from",
                       "2001-01-01", "--to", "2001-01-31", "--by", "hall")
    rows = json.loads(out)
    assert code == 0 and rows[0]["accepted"] == 0 and rows[0]["satisfaction_rate"] is None


@pytest.mark.parametrize(("args", "message"), [
    (("--from", "2026-03-02", "--to", "2026-03-01", "--by", "day"), "晚于"),
    (("--from", "2026-02-30", "--to", "2026-03-01", "--by", "day"), "不是有效日期"),
    (("--from", "2026-03-01", "--to", "2026-03-31", "--by", "day", "--hall", "999"), "没有大厅"),
])
def test_bad_input_is_a_clear_message_and_exit_2(data_dir, capsys, args, message):
    code, out, err = run(capsys, "report", "figures", "--data-dir", str(data_dir), *args)
    assert code == 2 and message in err and out == ""


def test_unknown_group_and_missing_replica(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["report", "figures", "--from", "2026-03-01", "--to", "2026-03-02", "--by", "x"])
    assert exc.value.code == 2
    code, _, err = run(capsys, "report", "figures", "--data-dir", str(tmp_path / "none"),
                       "--from", "2026-03-01", "--to", "2026-03-02", "--by", "day")
    assert code == 2 and "没有本机数据" in err


def test_unknown_hall_on_the_server(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    code, _, err = run(capsys, "report", "figures", "--db", url, "--hall", "404", "--from",
                       "2026-03-01", "--to", "2026-03-02", "--by", "day")
    assert code == 2 and "没有这个大厅" in err


def test_monthly_pdf_has_charts_tables_and_page_numbers(data_dir, capsys, tmp_path):
    out = tmp_path / "m.pdf"
    code, _, err = run(capsys, "report", "monthly", "--month", TODAY.strftime("%Y-%m"),
                       "--data-dir", str(data_dir), "--out", str(out))
    assert code == 0, err
    assert out.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    for expected in ("月度绩效考核", "每日受理与办结", "窗口满意率", "各部门超期件数", "二、各窗口",
                     "三、各工作人员", "四、超期办件", "第1页/共", f"制表日期：{TODAY}"):
        assert expected in text, expected
    code, _, err = run(capsys, "report", "monthly", "--month", "2026-13", "--data-dir",
                       str(data_dir), "--out", str(out))
    assert code == 2 and "YYYY-MM" in err


def test_monthly_lists_say_when_they_are_cut(tmp_path):
    """The paper lists at most 300 overdue cases and open follow-ups; its headings give
    the whole count (the same figure as the summary) and say the list is cut."""
    import datetime as dt

    from printing import monthly

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    total = {k: 0 for k in ("accepted", "completed", "refused", "withdrawn", "consultations",
                             "rated", "bad_ratings", "excluded_ratings", "followups_opened",
                             "followups_closed", "followups_overdue")}
    total.update(overdue=412, followups_open=2, completion_rate=None, instant_rate=None,
                 on_time_rate=None, early_rate=None, avg_working_days=None,
                 satisfaction_rate=None, rating_coverage=None, avg_wait_minutes=None,
                 avg_service_minutes=None)
    rows = [{"case_number": f"C{i}", "item_name": "事项", "window": "1号窗口", "staff": "甲",
             "deadline": "2026-03-02", "days": 3} for i in range(300)]
    review = monthly.MonthlyReview("厅", "2026-03", dt.date(2026, 4, 2), total, [], [], [], [],
                                   overdue=rows, followups=[])
    path = tmp_path / "m.pdf"
    path.write_bytes(monthly.to_pdf(review))
    text = "".join(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                                  text=True, check=True).stdout.split())
    assert "超期办件（412件）" in text and "共412件，以下列出最早到期的300件" in text
    assert "差评回访整改（2件）" in text
