"""申诉复核 from the counter: only the rated member of staff sees the button, only on a
bad rating; filing records the appeal once; the supervisor's decision is tested with
the supervisor face (tests/desktop/supervisor)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from desktop.counter import appeal
from domain import appeals, ratings
from domain.application import Actor
from sync import projection
from sync import ratings as sr
from tests.desktop.test_counter_cases import start


def _issued_and_rated(clerk, level: int):
    rec = start(clerk, "0103")
    rec.materials.tick_all_required()
    clerk.workspace.trigger("F5")
    case = clerk.workspace.case_view.case
    assert case.state == "issued"
    actor = Actor("S001", clerk.state.identity.terminal_id, "W01")
    clerk.runner.write(lambda store: sr.record_rating(store, case.id, level, "pad", actor))
    clerk.workspace.open_case_id(case.id)
    return clerk.workspace.case_view


def test_the_rated_clerk_appeals_a_bad_rating_once(clerk, login, monkeypatch, qtbot):
    view = _issued_and_rated(clerk, 1)
    button = getattr(view, "appeal_button", None)
    assert button is not None and button.text() == "申诉复核"
    qtbot.waitUntil(lambda: button.isVisibleTo(view), timeout=2000)
    # empty grounds: the dialog says so and does not close
    d = appeal.AppealDialog(view.case)
    d.submit.click()
    assert d.result() != QDialog.DialogCode.Accepted and d.error.text() == "请写明申诉理由"

    def accept(self):  # type: ignore[no-untyped-def]
        self.grounds.setPlainText("群众误触评价器，现场已口头致歉并说明")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(appeal.AppealDialog, "exec", accept)
    button.click()
    case = view.case
    a = projection.load_stream(clerk.runner._replica,
                               ratings.appeal_id(case.rating["event_id"]))
    assert isinstance(a, appeals.Appeal) and a.state == appeals.PENDING
    assert a.filed_by == "S001" and "误触" in a.grounds
    assert not button.isVisibleTo(view)
    assert "等待大厅管理员复核" in clerk.message.text()
    # the case again: appealed already, no button
    view.appeal_button = None
    clerk.workspace.open_case_id(case.id)
    assert view.appeal_button is None


def test_no_button_for_a_good_rating_or_for_another_clerk(clerk, login):
    view = _issued_and_rated(clerk, 4)
    assert getattr(view, "appeal_button", None) is None
    view = _issued_and_rated(clerk, 2)
    case_id = view.case.id
    assert view.appeal_button is not None
    clerk.lock()
    login(clerk, "1002")
    view.appeal_button = None
    clerk.workspace.open_case_id(case_id)
    assert view.appeal_button is None
