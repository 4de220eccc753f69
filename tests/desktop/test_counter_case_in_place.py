"""The case view follows the case on screen in place (issue 17): a scan makes no widget
and deletes none, so nothing of one scan is still pending when the next comes, and
nothing of the previous citizen stays on screen — not even hidden."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop.counter.dialogs import SupplementDialog
from tests.desktop.test_counter_cases import start, valid_id


def _supplement_case(clerk):
    rec = start(clerk, "0301")
    rec.request_supplement(SupplementDialog(rec.materials.missing(), clerk).payload())
    return clerk.workspace.case_view.case


def _accepted_case(clerk, body: str):
    rec = start(clerk, "0105", person={"name": "周明", "id_type": "resident",
                                        "id_number": valid_id(body), "phone": "13906331234"})
    rec.materials.tick_all_required()
    rec.accept_case()
    return clerk.workspace.case_view.case


class _Deletions(QObject):
    """Counts DeferredDelete events posted to the case view's widgets."""

    def __init__(self, widgets: list[QWidget]) -> None:
        super().__init__()
        self.count = 0
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() == QEvent.Type.DeferredDelete:
            self.count += 1
        return False


def test_a_scan_makes_no_widget_and_deletes_none(clerk):
    ws = clerk.workspace
    many = _supplement_case(clerk)  # more facts (what is missing) and other buttons
    few = _accepted_case(clerk, "37110219790101201")
    view = ws.case_view
    for case in (many, few, many, few):  # every row and button needed exists now
        ws.show_case(case)
    before = set(view.findChildren(QWidget))
    deletions = _Deletions(list(before))
    for case in (many, few, many, few, many):
        clerk.workspace.search(case.case_number)
        assert view.case.id == case.id
    QCoreApplication.sendPostedEvents()
    assert set(view.findChildren(QWidget)) == before
    assert deletions.count == 0


def test_rows_and_buttons_of_the_previous_case_are_gone(clerk):
    ws = clerk.workspace
    many = _supplement_case(clerk)
    missing = "、".join(many.missing)
    few = _accepted_case(clerk, "37110219790101201")
    ws.show_case(many)
    shown = dict(ws.case_view.facts_panel.texts())
    assert shown["待补正材料"] == missing
    ws.show_case(few)
    view = ws.case_view
    texts = [view.facts.itemAt(i).widget().text() for i in range(view.facts.count())
             if view.facts.itemAt(i).widget() is not None]
    assert missing not in texts and "待补正材料" not in texts  # not even in a hidden row
    assert "周明" in texts
    visible = [w.text() for w in view.findChildren(QWidget)
               if isinstance(w, QLabel | QPushButton) and w.isVisibleTo(view) and w.text()]
    assert "补正材料已收齐 (F5)" not in visible
    assert "提交后台审核 (F9)" in visible


def test_history_is_a_table_model_and_follows_the_case(clerk):
    ws = clerk.workspace
    many = _supplement_case(clerk)
    few = _accepted_case(clerk, "37110219790101201")
    table = ws.case_view.history
    assert isinstance(table.model(), QAbstractTableModel)
    model = table.model()
    ws.show_case(many)
    assert table.rowCount() == len(many.history)
    ws.show_case(few)
    assert table.model() is model  # the same model, new rows
    assert [table.cell_text(r, 1) for r in range(table.rowCount())] == ["登记", "受理"]


def test_the_case_button_leaves_with_its_case(clerk):
    ws = clerk.workspace
    many = _supplement_case(clerk)
    few = _accepted_case(clerk, "37110219790101201")
    ws.show_case(many)
    button = ws.case_view.add_case_button("申诉复核", lambda: None)
    assert button.isVisibleTo(ws.case_view)
    ws.show_case(few)
    assert not button.isVisibleTo(ws.case_view) and button.text() == ""


def test_the_first_login_paints_the_newest_case_for_nobody_and_keeps_nothing(
        counter, login, monkeypatch):
    """The cold first scan (issue 17): at the first login the case view lays out and paints
    the newest case once, unseen, then is blank again — no name, number or history row of
    that citizen stays in it — and a scan of that case then shows it as usual."""
    from desktop.counter import jobs
    from desktop.counter.case_view import CaseView
    from domain.application import Actor, registration_payload
    from printing.demo import demo_applicant

    catalog = counter.state.catalog
    item = catalog.item("0105")
    clerk_staff = catalog.staff_member("1001")
    person = demo_applicant(rare_name=False)
    payload = registration_payload(item, person, provided={m.id: True for m in item.materials
                                                           if m.required})
    actor = Actor.of(clerk_staff, counter.state.identity.terminal_id)
    written: list = []
    counter.runner.write(lambda store: jobs.open_case(store, payload, actor, [("accepted", {})]),
                         written.append)
    case = written[0]
    rehearsed: list[bool] = []
    real = CaseView.rehearse
    monkeypatch.setattr(CaseView, "rehearse", lambda self, c: rehearsed.append(real(self, c)))

    login(counter)
    assert counter.working and rehearsed == [True]
    view = counter.workspace.case_view
    assert view.case is None and view.history.history_model.rowCount() == 0
    texts = [w.text() for w in view.findChildren(QWidget) if isinstance(w, QLabel | QPushButton)]
    assert not any(person.name in t or case.case_number in t for t in texts)
    assert view.facts_panel.texts() == [] and view.shortcuts == {}

    counter.workspace.search(case.case_number)
    assert view.case.id == case.id
    assert dict(view.facts_panel.texts())["申请人"] == person.name
    assert view.history.rowCount() == len(case.history)
