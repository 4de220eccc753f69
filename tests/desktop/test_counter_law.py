"""Issue 10's "tried as a new user would", at the counter: each was seen on the screen.

A kiosk case sent to 补正 had no number; 延期 on a case never accepted, with a free-text
approver, 39 days on a 20-day item; an agent without 授权委托书; an applicant born in
2041; one applicant where a house sale has a buyer and a seller; no 容缺受理.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog

from desktop.kiosk.registration import person_from_typed, register
from domain import events as ev
from domain import idnumber
from domain.application import Actor
from printing.documents import build, to_pdf
from sync import queries
from sync.store import load_case

APPLICANT = {"name": "李建国", "id_type": "resident", "phone": "13806331234",
             "address": "日照市东港区海曲中路80号"}


def valid_id(body: str = "37110219680305201") -> str:
    return body + idnumber.check_char(body)


def start(shell, item_no: str, **person):
    ws = shell.workspace
    ws.start_reception(shell.state.catalog.item(item_no))
    ws.reception.form.applicant.set_values({**APPLICANT, "id_number": valid_id(), **person})
    return ws.reception


def count(shell) -> int:
    return queries.counts(shell.runner._replica)["cases"]


def shown(shell) -> str:
    """Every sentence the clerk can see now: an error sits beside its cause (issue 15)."""
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in shell.findChildren(QLabel)
                     if label.isVisibleTo(shell) and label.text())


def actions(view) -> list[str]:
    from PySide6.QtWidgets import QPushButton

    widgets = [view.bar.itemAt(i).widget() for i in range(view.bar.count())]
    return [w.text() for w in widgets if isinstance(w, QPushButton)]


def kiosk_case(clerk):
    store = clerk.runner._store_obj
    item = clerk.state.catalog.item("0105")
    now = clerk.clock()
    reg = register(store, clerk.state.catalog, item,
                   person_from_typed(valid_id("37110219850612123")),
                   kiosk_no=1, now=now)
    assert reg.case.case_number == ""
    clerk.workspace.search(reg.slip_number)
    return reg


def test_kiosk_case_sent_to_supplement_gets_a_number_and_its_notice_prints(clerk):
    reg = kiosk_case(clerk)
    rec = clerk.workspace.reception
    assert rec.case is not None and rec.case.id == reg.case_id
    rec.request_supplement({"missing": ["营业执照"], "note": ""})
    case = load_case(clerk.runner._replica, reg.case_id)
    assert case.state == "supplement_requested"
    assert len(case.case_number) == 16
    assert f"办件编号 {case.case_number}" in clerk.message.text()
    pdf = to_pdf(build("supplement-notice", case, clerk.state.catalog, today=clerk.clock().date()))
    assert pdf.startswith(b"%PDF")


def test_kiosk_case_refused_before_acceptance_gets_a_number_and_its_notice_prints(clerk):
    reg = kiosk_case(clerk)
    clerk.workspace.reception.refuse(reason="申请事项依法不属于本机关职权范围")
    case = load_case(clerk.runner._replica, reg.case_id)
    assert case.state == "refused" and len(case.case_number) == 16
    assert case.case_number in clerk.message.text()
    to_pdf(build("refusal-notice", case, clerk.state.catalog, today=clerk.clock().date()))


def test_no_extension_offered_on_a_case_waiting_for_supplement_never_accepted(clerk):
    rec = start(clerk, "0105")
    rec.request_supplement({"missing": ["营业执照"], "note": ""})
    view = clerk.workspace.case_view
    assert view.case.state == "supplement_requested"
    assert "延期" not in actions(view)
    view.do(ev.EXTENDED, {"days": 5, "reason": "复杂", "approved_by": "S070"},
            Actor.of(clerk.state.catalog.staff_member("1070"), "T"))
    assert view.case.extension_days == 0 and "不能进行此操作" in shown(clerk)


def _answer(view, fill):
    """Run the case view's next dialog as a person would: fill it in, press OK."""
    shown = []

    def ask(dialog):
        shown.append(dialog)
        fill(dialog)
        dialog._try_accept()
        return dialog.result() == QDialog.DialogCode.Accepted

    view._ask = ask
    return shown


def test_extension_is_approved_by_a_real_head_within_the_items_limit(clerk):
    rec = start(clerk, "0105")  # 食品经营许可: legal 20 days, extension at most 10
    rec.materials.tick_all_required()
    rec.accept_case()
    view = clerk.workspace.case_view
    assert "延期" in actions(view)

    def wrong_password(d):
        assert [d.head.itemData(i).no for i in range(d.head.count())] == ["1070"]
        assert d.days.maximum() == 10  # no 39 extra days on a 20-day item
        d.days.setValue(10)
        d.reason.setPlainText("需组织专家论证")
        d.password.setText("wrong")

    shown = _answer(view, wrong_password)
    view.extend()
    assert view.case.extension_days == 0 and shown[0].error.text()

    def right_password(d):
        wrong_password(d)
        d.password.setText("1234")

    _answer(view, right_password)
    view.extend()
    case = view.case
    assert case.extension_days == 10 and case.extension["approved_by"] == "S070"
    assert case.history[-1].staff_id == "S070"  # recorded in the head's name
    assert "延期" not in actions(view)  # once


def test_an_agent_without_the_authorisation_is_not_accepted(clerk):
    rec = start(clerk, "0105")
    rec.form.agent_switch.setChecked(True)
    rec.form.agent.set_values({"name": "王代办", "id_type": "resident",
                               "id_number": valid_id("37110219900101123")})
    rec.materials.tick_all_required()
    rec.accept_case()
    assert count(clerk) == 0
    assert "授权委托书" in shown(clerk)
    auth = clerk.state.catalog.item("0105").agent_materials()[0]
    rec.materials.set_tick(auth.id, True)
    rec.accept_case()
    assert clerk.workspace.case_view.case.state == "accepted"


def test_an_agent_born_after_today_is_refused(clerk):
    rec = start(clerk, "0105")
    rec.form.agent_switch.setChecked(True)
    rec.form.agent.set_values({"name": "王代办", "id_type": "resident",
                               "id_number": valid_id("37110220410101123")})
    rec.materials.tick_all_required()
    rec.materials.set_tick(clerk.state.catalog.item("0105").agent_materials()[0].id, True)
    rec.accept_case()
    assert count(clerk) == 0 and "出生日期" in shown(clerk)


def test_an_applicant_born_in_2041_is_refused(clerk):
    rec = start(clerk, "0103", id_number=valid_id("37110220410305201"))
    assert "出生日期" in rec.form.applicant.id_info.text()
    rec.materials.tick_all_required()
    rec.accept_case()
    assert count(clerk) == 0
    assert "出生日期" in shown(clerk)


def test_a_house_sale_has_a_buyer_and_a_seller(clerk):
    rec = start(clerk, "0301")
    form = rec.form
    assert form.applicant_role.isVisible() and form.applicant_role.currentText() == "买方"
    assert [b.role.currentText() for b in form.parties_box.blocks] == ["卖方"]
    rec.materials.tick_all_required()
    rec.accept_case()
    assert count(clerk) == 0 and "卖方" in shown(clerk)
    form.parties_box.blocks[0].person.set_values({"name": "赵卖房", "id_type": "resident",
                                                  "id_number": valid_id("37110219700101301")})
    rec.accept_case()
    case = clerk.workspace.case_view.case
    assert case.state == "accepted"
    assert [(p["role"], p["name"]) for p in case.parties] == [("buyer", "李建国"),
                                                             ("seller", "赵卖房")]


def test_marriage_registration_needs_both_parties(clerk):
    rec = start(clerk, "0801")
    assert [rec.form.applicant_role.itemText(i) for i in range(2)] == ["男方", "女方"]
    rec.materials.tick_all_required()
    rec.accept_case()
    assert count(clerk) == 0 and "女方" in shown(clerk)
    rec.form.parties_box.blocks[0].person.set_values({
        "name": "王芳", "id_type": "resident", "id_number": valid_id("37110219920202202")})
    rec.accept_case()
    assert clerk.workspace.case_view.case.state == "issued"  # 即办件


def test_accept_on_promise_and_no_result_until_the_material_arrives(clerk, monkeypatch):
    from desktop.counter.law_dialogs import ToleranceDialog

    rec = start(clerk, "0105")
    rec.materials.tick_all_required()
    rec.materials.set_tick("M2", False)  # 营业执照: a key material
    rec.accept_case()
    assert count(clerk) == 0 and "材料不齐" in shown(clerk)
    rec.materials.set_tick("M2", True)
    rec.materials.set_tick("M6", False)  # 健康证明: may follow on promise
    seen = []

    def promise(dialog):
        seen.append([m.id for m in dialog.materials])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ToleranceDialog, "exec", promise)
    rec.accept_case()
    assert seen == [["M6"]]
    view = clerk.workspace.case_view
    case = view.case
    due = clerk.clock().date() + dt.timedelta(days=7)
    assert [(p["material"], p["due"]) for p in case.open_promises] == [("M6", due.isoformat())]
    assert "容缺材料已补齐" in actions(view)
    to_pdf(build("tolerance-promise", case, clerk.state.catalog, today=clerk.clock().date()))
    view.do(ev.PROMISE_FULFILLED, {"materials": ["M6"]})
    assert not view.case.open_promises and "容缺材料已补齐" not in actions(view)


def test_a_reviewer_of_another_department_cannot_decide_at_the_window(clerk):
    rec = start(clerk, "0105")  # 市场监管局
    rec.materials.tick_all_required()
    rec.accept_case()
    view = clerk.workspace.case_view
    view.do(ev.SUBMITTED_FOR_REVIEW, {})

    def other_department(d):
        d.staff_no.setText("1054")  # 不动产登记中心
        d.password.setText("1234")

    shown = _answer(view, other_department)
    view.review()
    assert view.case.state == "in_review"
    assert "本部门" in shown[0].error.text()

    def own_department(d):
        d.staff_no.setText("1050")
        d.password.setText("1234")

    _answer(view, own_department)
    view.review()
    assert view.case.state == "approved" and view.case.history[-1].staff_id == "S050"


def test_a_kiosk_house_sale_gets_its_seller_at_the_window(clerk):
    store = clerk.runner._store_obj
    item = clerk.state.catalog.item("0301")
    reg = register(store, clerk.state.catalog, item, person_from_typed(valid_id()),
                   kiosk_no=1, now=clerk.clock())
    clerk.workspace.search(reg.slip_number)
    rec = clerk.workspace.reception
    assert rec.case is not None and rec.case.id == reg.case_id
    assert [b.role.currentText() for b in rec.form.parties_box.blocks] == ["卖方"]
    rec.materials.tick_all_required()
    rec.accept_case()
    assert "卖方" in shown(clerk)
    rec.form.parties_box.blocks[0].person.set_values({
        "name": "赵卖房", "id_type": "resident", "id_number": valid_id("37110219700101301")})
    rec.accept_case()
    case = load_case(clerk.runner._replica, reg.case_id)
    assert case.state == "accepted" and len(case.case_number) == 16
    assert [p["role"] for p in case.parties] == ["buyer", "seller"]
