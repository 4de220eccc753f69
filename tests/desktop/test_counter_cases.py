"""Whole cases through the counter's screens, on a real replica."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from desktop.counter.dialogs import SupplementDialog
from domain import events as ev
from domain import idnumber
from domain.application import Actor
from sync import queries
from sync.store import load_case

APPLICANT = {"name": "李建国", "id_type": "resident", "id_number": "",
             "phone": "13806331234", "address": "日照市东港区海曲中路80号"}


def valid_id(body: str = "37110219680305201") -> str:
    return body + idnumber.check_char(body)


def start(shell, item_no: str, *, person: dict | None = None):
    ws = shell.workspace
    ws.start_reception(shell.state.catalog.item(item_no))
    form = ws.reception.form.applicant
    form.set_values(person or {**APPLICANT, "id_number": valid_id()})
    return ws.reception


def case_count(shell) -> int:
    return queries.counts(shell.runner._replica)["cases"]


def test_whole_case_new_to_mailed(clerk):
    rec = start(clerk, "0105")
    rec.materials.tick_all_required()
    rec.accept_case()
    view = clerk.workspace.case_view
    case = view.case
    assert case is not None and case.state == "accepted"
    assert case.case_number and case.accepted_on is not None
    assert clerk.workspace.stack.currentWidget() is view
    view.do(ev.SUBMITTED_FOR_REVIEW, {})
    assert view.case.state == "in_review"
    reviewer = Actor("S050", clerk.state.identity.terminal_id, None)
    view.do(ev.APPROVED, {"opinion": "同意"}, reviewer)
    assert view.case.state == "approved"
    view.do(ev.RESULT_READY, {})
    assert view.case.state == "result_ready"
    view.do(ev.ISSUED, {"method": "mail", "address": "日照市东港区烟台路59号",
                        "tracking_no": "EA204519371CN"})
    stored = load_case(clerk.runner._replica, case.id)
    assert stored.state == "issued"
    assert stored.delivery["tracking_no"] == "EA204519371CN"
    assert [s.kind for s in stored.history] == [
        "registered", "accepted", "submitted_for_review", "approved", "result_ready", "issued"]
    assert stored.history[3].staff_id == "S050"
    table = view.history
    assert table.rowCount() == 6
    assert table.cell_text(3, 2) == "叶子豪（1050）"
    assert table.cell_text(0, 3) == "1号综合受理窗口"


def test_supplement_lists_every_missing_material(clerk):
    rec = start(clerk, "0301")
    item = clerk.state.catalog.item("0301")
    required = [m for m in item.materials if m.required]
    rec.materials.set_tick(required[0].id, True)
    missing = rec.materials.missing()
    assert missing == [m.name for m in required[1:]]
    rec.request_supplement(SupplementDialog(missing, clerk).payload())
    case = clerk.workspace.case_view.case
    assert case.state == "supplement_requested"
    assert case.missing == [m.name for m in required[1:]]


def test_conditional_material_counts_once_it_applies(clerk):
    rec = start(clerk, "0301")
    rec.materials.tick_all_required()
    assert rec.materials.missing() == []
    item = clerk.state.catalog.item("0301")
    cond = next(m for m in item.materials if m.conditional)
    for row in range(rec.materials.rowCount()):
        if rec.materials.item(row, 0).data(256) == cond.id:
            rec.materials.item(row, 3).setCheckState(rec.materials.item(row, 3).checkState().Checked)
    assert rec.materials.missing() == [cond.name]


def test_accept_with_missing_materials_is_blocked(clerk):
    rec = start(clerk, "0105")
    rec.accept_case()
    assert case_count(clerk) == 0
    assert "材料不齐" in rec.feedback.text()  # beside the buttons (issue 15.5)


def test_refuse_without_a_reason_is_refused(clerk):
    rec = start(clerk, "0105")
    rec.refuse(reason="")
    assert case_count(clerk) == 0
    assert rec.feedback.text() == "必须填写原因"
    rec.refuse(reason="申请人不具备申请资格")
    assert clerk.workspace.case_view.case.state == "refused"


def test_instant_item_completes_on_the_spot(clerk):
    rec = start(clerk, "0103")
    assert rec.accept_button.text() == "受理并办结 (F5)"
    rec.materials.tick_all_required()
    clerk.workspace.trigger("F5")
    case = clerk.workspace.case_view.case
    assert case.state == "issued"
    assert [s.kind for s in case.history] == ["registered", "accepted", "issued"]


def test_bad_id_number_blocks_and_stores_nothing(clerk):
    bad = valid_id()[:-1] + ("0" if valid_id()[-1] != "0" else "1")
    rec = start(clerk, "0103", person={**APPLICANT, "id_number": bad})
    assert "校验位" in rec.form.applicant.id_info.text()
    rec.materials.tick_all_required()
    rec.accept_case()
    assert case_count(clerk) == 0
    assert rec.form.applicant.id_info.text() == "身份证号码校验位不正确，请核对"


def test_id_number_shows_birth_date_and_gender(clerk):
    rec = start(clerk, "0103")
    assert "1968-03-05" in rec.form.applicant.id_info.text()


def test_agent_only_where_the_item_allows_it(clerk):
    rec = start(clerk, "0801")  # 结婚登记: in person only
    assert not rec.form.agent_switch.isEnabled()
    rec = start(clerk, "0701")
    assert rec.form.agent_switch.isEnabled()


def test_fill_from_card_fills_applicant_then_agent(clerk):
    rec = start(clerk, "0701", person={})
    card = {"name": "赵文博", "gender": "男", "nation": "汉", "birth_date": "1986-04-12",
            "address": "日照市北京路166号", "id_number": valid_id("37110219860412531"),
            "card_type": "resident"}
    clerk.fill_from_card(card)
    assert rec.form.applicant.name.text() == "赵文博"
    rec.form.agent_switch.setChecked(True)
    clerk.fill_from_card({**card, "name": "钱多多", "id_number": valid_id()})
    assert rec.form.agent.name.text() == "钱多多"
    assert rec.form.applicant.name.text() == "赵文博"


def test_case_view_masks_personal_data(clerk):
    rec = start(clerk, "0103")
    rec.materials.tick_all_required()
    rec.accept_case()
    view = clerk.workspace.case_view
    texts = [view.facts.itemAt(i).widget().text() for i in range(view.facts.count())
             if view.facts.itemAt(i).widget() is not None]
    assert idnumber.mask(valid_id()) in texts
    assert valid_id() not in " ".join(texts)
    assert "138****1234" in texts


def test_pause_resume_and_extension(clerk):
    rec = start(clerk, "0105")
    rec.materials.tick_all_required()
    rec.accept_case()
    view = clerk.workspace.case_view
    labels = [w.text() for w in (view.bar.itemAt(i).widget() for i in range(view.bar.count()))
              if isinstance(w, QPushButton)]
    assert "暂停计时" not in labels  # a hearing or an inspection is the department's call
    tid = clerk.state.identity.terminal_id
    cat = clerk.state.catalog
    reviewer = Actor.of(cat.staff_member("1050"), tid)
    view.do(ev.CLOCK_PAUSED, {"reason": "现场核查", "pause_reason": "inspection"}, reviewer)
    assert view.case.clock_paused
    buttons = [view.bar.itemAt(i).widget() for i in range(view.bar.count())]
    assert "恢复计时" not in [b.text() for b in buttons if isinstance(b, QPushButton)]
    view.do(ev.CLOCK_RESUMED, {}, reviewer)
    head = Actor.of(cat.staff_member("1070"), tid)
    view.do(ev.EXTENDED, {"days": 5, "reason": "需专家论证", "approved_by": "S070"}, head)
    assert view.case.extension_days == 5
    view.do(ev.EXTENDED, {"days": 5, "reason": "", "approved_by": "S070"}, head)
    assert view.case.extension_days == 5
    assert view.feedback.text() == "必须填写原因"
