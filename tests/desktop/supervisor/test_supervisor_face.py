"""The supervisor face, as a supervisor uses it: the login gate, today's red and yellow
cases, notices seen and resolved by name, a follow-up from 回访 to closing, an appeal
decided (满意率 moves), tables exported and read back, the monthly review previewed and
archived."""

from __future__ import annotations

import csv
import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.supervisor import jobs
from domain import appeals, followups
from domain import figures as fg
from tests.desktop.conftest import NOW
from tests.desktop.supervisor.conftest import log_in

TODAY = NOW.date()


def _select(view, model, pred) -> dict:
    """Click the first row of a (sorted, proxied) table whose row matches."""
    proxy = view.model()
    for r in range(proxy.rowCount()):
        row = model.rows[proxy.mapToSource(proxy.index(r, 0)).row()]
        if pred(row):
            view.selectRow(r)
            view.clicked.emit(proxy.index(r, 0))
            return row
    raise AssertionError("no such row")


def test_a_clerk_cannot_open_the_face(face):
    log_in(face, "1001")
    assert face.tabs is None and face.staff is None
    assert "不能进行「打开电子监察」" in face.login.message.text()  # the rule table's words
    assert face.login.password.text() == ""
    log_in(face, "1068", "wrong")
    assert face.tabs is None


def test_overview_shows_todays_overdue_in_red_and_due_soon_in_yellow(boss):
    ov = boss.overview
    rows = ov.due_model.rows
    red = [r for r in rows if r["red"]]
    yellow = [r for r in rows if not r["red"]]
    assert red and yellow
    assert all(r["deadline"] < TODAY.isoformat() for r in red)
    assert all(r["deadline"] >= TODAY.isoformat() for r in yellow)
    # every open, undecided case past its deadline in the replica is listed in red
    replica = boss.runner._replica
    overdue = {r[0] for r in replica.conn.execute(
        "SELECT id FROM cases WHERE deadline < ? AND state IN ('accepted', 'in_review', "
        "'supplement_requested') AND paused = 0", (TODAY.isoformat(),))}
    assert overdue and overdue <= {r["id"] for r in red}
    colours = {ov.due_model.data(ov.due_model.index(i, 0), Qt.ItemDataRole.BackgroundRole)
               .color().name() for i in range(len(rows))}
    assert colours == {"#f6c1c1", "#fff1b8"}
    assert f"超期 {len(red)} 件" in ov.headline.text()
    assert ov.cards["accepted"].month.text().startswith("本月")


def test_notice_seen_then_resolved_by_name(boss):
    page = boss.notices
    boss.tabs.setCurrentWidget(page)
    row = _select(page.view, page.model, lambda r: r["kind"] == "kiosk_help")
    assert page.seen.isEnabled()
    page.seen.click()
    replica = boss.runner._replica
    state = replica.conn.execute("SELECT state, seen_by FROM notices WHERE id=?",
                                 (row["id"],)).fetchone()
    assert tuple(state) == ("seen", boss.staff.id)
    _select(page.view, page.model, lambda r: r["id"] == row["id"])
    page.resolve.click()  # without a note: refused, asks for one
    assert replica.conn.execute("SELECT state FROM notices WHERE id=?",
                                (row["id"],)).fetchone()[0] == "seen"
    page.note.setText("已到自助机旁协助群众完成登记")
    page.resolve.click()
    got = replica.conn.execute("SELECT state, resolved_by, note FROM notices WHERE id=?",
                               (row["id"],)).fetchone()
    assert tuple(got) == ("resolved", boss.staff.id, "已到自助机旁协助群众完成登记")
    page.all.setChecked(True)
    _select(page.view, page.model, lambda r: r["id"] == row["id"])
    assert f"处理：{boss.staff.name}" in page.detail.toPlainText()
    assert page.model.rows and "已处理" in {r["state_text"] for r in page.model.rows}


def test_a_followup_from_revisit_to_closing(boss):
    page = boss.followups
    boss.tabs.setCurrentWidget(page)
    first = _select(page.view, page.model, lambda r: r["obj"].state == followups.OPEN)
    fid = first["id"]
    assert page.b_contact.isEnabled() and not page.b_fix.isEnabled()
    assert first["state_text"] == "待回访"
    page.how.setCurrentIndex(page.how.findData("phone"))
    page.text.setText("电话回访：群众表示已理解，对处理结果满意")
    page.b_contact.click()
    row = _select(page.view, page.model, lambda r: r["id"] == fid)
    assert row["obj"].state == followups.REVISITED and row["state_text"] == "已回访"
    assert not page.b_close.isEnabled()
    page.text.setText("窗口增设引导员，高峰时段加开窗口")
    page.b_fix.click()
    _select(page.view, page.model, lambda r: r["id"] == fid)
    page.text.setText("整改到位，办结")
    page.b_close.click()
    page.all.setChecked(True)
    row = _select(page.view, page.model, lambda r: r["id"] == fid)
    f = row["obj"]
    assert f.state == followups.DONE and f.closed_by == boss.staff.id
    assert f.contacts[0]["answer"].startswith("电话回访") and f.rectification
    assert "办结：" in page.record.toPlainText() and boss.staff.name in page.record.toPlainText()


def test_an_appeal_upheld_moves_satisfaction(boss):
    replica = boss.runner._replica
    period = fg.Period.of(TODAY - dt.timedelta(days=30), TODAY, TODAY)
    _rows, before = jobs.figures(replica, period, "hall")
    page = boss.followups
    boss.tabs.setCurrentWidget(page)
    row = _select(page.appeal_view, page.appeal_model,
                  lambda r: r["obj"].state == appeals.PENDING)
    page.finding.setCurrentIndex(page.finding.findData("mistaken"))
    page.b_exclude.click()  # no reason yet: refused, nothing decided
    assert "复核意见" in boss.status.text()
    row = _select(page.appeal_view, page.appeal_model, lambda r: r["id"] == row["id"])
    page.reason.setText("调取评价器日志：评价发生在办结前，属误评")
    page.b_exclude.click()
    a = jobs.load(replica, row["id"])
    assert a.state == appeals.DONE and a.decision == appeals.EXCLUDED
    assert a.finding == "mistaken" and a.decided_by == boss.staff.id
    _rows, after = jobs.figures(replica, period, "hall")
    assert after["excluded_ratings"] == before["excluded_ratings"] + 1
    assert after["rated"] == before["rated"] - 1
    assert after["satisfaction_rate"] > before["satisfaction_rate"]
    # the rating itself stays on its case
    case = jobs.load(replica, a.case_id)
    assert case.rating is not None and case.rating["event_id"] == a.rating_event_id


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_table_exports_and_reads_back(boss, tmp_path, monkeypatch, fmt):
    page = boss.figures
    boss.tabs.setCurrentWidget(page)
    page.by.setCurrentIndex(page.by.findData("window"))
    rows = page.model.rows
    assert rows and any(r["accepted"] for r in rows)
    target = tmp_path / f"by-window.{fmt}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    (page.to_xlsx if fmt == "xlsx" else page.to_csv).click()
    heads = [t for _k, t, _kind in page.model.columns]
    busiest = max(range(len(rows)), key=lambda i: rows[i]["accepted"])
    if fmt == "xlsx":
        ws = openpyxl.load_workbook(target).active
        assert [c.value for c in ws[1]] == heads
        line = [c for c in ws[busiest + 2]]
        assert line[0].value == rows[busiest]["label"]
        assert line[1].value == rows[busiest]["accepted"]
        rate_col = heads.index("满意率")
        if rows[busiest]["satisfaction_rate"] is not None:
            assert line[rate_col].value == pytest.approx(rows[busiest]["satisfaction_rate"])
            assert line[rate_col].number_format == "0.0%"
        assert ws.max_row == len(rows) + 1
    else:
        with target.open(encoding="utf-8-sig", newline="") as f:
            got = list(csv.reader(f))
        assert got[0] == heads and len(got) == len(rows) + 1
        assert got[busiest + 1][:2] == [rows[busiest]["label"], str(rows[busiest]["accepted"])]
    assert str(target) in boss.status.text()


def test_monthly_review_previews_and_archives(boss, sup_dir):
    page = boss.monthly
    boss.tabs.setCurrentWidget(page)
    month = TODAY.strftime("%Y-%m")
    page.month.setCurrentIndex(page.month.findData(month))
    assert not page.print_button.isEnabled()
    page.build.click()
    assert page.images and page.pdf and page.pdf.startswith(b"%PDF")
    assert page.pages_lay.count() == len(page.images)
    archived = sup_dir / "reports" / "monthly" / f"{month}.pdf"
    assert archived.read_bytes() == page.pdf
    assert str(archived) in page.status.text() and page.print_button.isEnabled()


def test_the_slip_box_takes_a_scan_and_a_key_once(boss, qtbot):
    from sync import projection

    box = boss.slip_box
    boss.tabs.setCurrentWidget(box)
    replica = boss.runner._replica
    cid, number = replica.conn.execute(
        "SELECT id, case_number FROM cases WHERE state='issued' AND rating IS NULL LIMIT 1"
    ).fetchone()
    box.number.setFocus()
    qtbot.keyClicks(box.number, number)
    qtbot.keyClick(box.number, Qt.Key.Key_Return)
    qtbot.keyClick(box.level_buttons[5], Qt.Key.Key_4)
    case = projection.load_stream(replica, cid)
    assert case.rating["level"] == 4 and case.rating["channel"] == "slip"
    assert box.count == 1 and box.entered.count() == 1 and number in box.entered.item(0).text()
    assert box.number.text() == ""
    # the same slip again: refused, said in red, not counted
    box.number.setText(number)
    box.level_buttons[1].click()
    assert "已评价" in box.result.text() and box.count == 1
    assert projection.load_stream(replica, cid).rating["level"] == 4


def test_overview_says_when_sms_invitations_wait_for_the_gateway(boss, tmp_path):
    import json as _json

    from sync.sms import invitations as inv
    from sync.sms.gateway import FolderGateway

    replica = boss.runner._replica
    row = replica.conn.execute("SELECT data FROM reference WHERE kind='hall' AND id='hall'"
                               ).fetchone()
    data = {**_json.loads(row[0]), "sms": {"enabled": True}}
    with replica.transaction():
        replica.conn.execute("UPDATE reference SET data=? WHERE kind='hall' AND id='hall'",
                             (_json.dumps(data, ensure_ascii=False),))
    replica.set_meta(inv.STARTED, "2000-01-01T00:00:00+08:00")
    gw = FolderGateway(tmp_path / "sms")
    gw.offline = True
    got = inv.run_once(boss.runner._store_obj, gw, NOW)
    assert got["sent"] == 0
    waiting = replica.conn.execute("SELECT COUNT(*) FROM sms_outbox WHERE state='queued'"
                                   ).fetchone()[0]
    sent = replica.conn.execute("SELECT COUNT(*) FROM sms_outbox WHERE state='sent'"
                                ).fetchone()[0]
    assert waiting > 0
    boss.refresh()
    text = boss.overview.waiting.text()
    assert f"已发 {sent}，待发 {waiting}" in text and "网关暂不可用" in text


@pytest.mark.parametrize("by", ["window", "staff", "department", "zone", "item", "day"])
def test_drill_down_lists_exactly_the_groups_cases(boss, by):
    """The narrowing WHERE must not change which cases a row's drill-down lists."""
    from desktop.supervisor.jobs import _drill_filter, drill

    replica = boss.runner._replica
    period = fg.Period.of(TODAY - dt.timedelta(days=30), TODAY, TODAY)
    rows, _total = jobs.figures(replica, period, by)
    busy = [r for r in rows if r["accepted"] or r["rated"]][:3]
    assert busy
    original = jobs._drill_filter
    try:
        for r in busy:
            narrowed = {x["id"] for x in drill(replica, period, by, r["group"])}
            jobs._drill_filter = lambda *_a: ("", ())
            everything = {x["id"] for x in drill(replica, period, by, r["group"])}
            jobs._drill_filter = original
            assert narrowed == everything and narrowed, (by, r["group"])
    finally:
        jobs._drill_filter = original
    assert _drill_filter(None, "window", "") == ("", ())


def test_overview_says_who_is_on_duty_today(boss):
    """The hall's duty roster (issue 12): stored, and now shown — who, which period."""
    duty = boss.overview.duty
    assert duty.isVisibleTo(boss)
    assert duty.text().splitlines() == ["今日值班：", "上午 09:00-12:00：王丽（1001）、张伟（1002）",
                                        "下午 13:00-17:00：刘洋（1003）",
                                        "晚间延时服务 17:00-20:00：未排班"]


def test_overview_asks_for_next_years_holiday_schedule_in_time(boss):
    """The loaded schedule ends on 2026-12-31, within 60 days of the fixed clock: the
    supervisor, who asks the administrator for it, reads it on the first page (issue 12);
    once the 2027 schedule is pulled the line goes."""
    from domain.calendar_file import decode, parse_schedule
    from sync import reference
    from tests.support.servers import ROOT

    line = boss.overview.calendar
    assert line.isVisibleTo(boss)
    assert "节假日安排只到2026-12-31" in line.text() and "2027年的安排" in line.text()
    sample = parse_schedule(decode((ROOT / "docs/calendar/sample-2027.csv").read_bytes()))
    replica = boss.runner._replica
    with replica.transaction():
        reference.store_rows(replica, [("calendar", "2027", sample.to_dict())])
    boss.refresh()
    assert not line.isVisibleTo(boss)
