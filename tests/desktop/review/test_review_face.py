"""The reviewer's face (后台审批) through its screens: on a replica offline, and against a
real server over HTTP. A reviewer approves, rejects (the decision paper follows), asks
an extension that the head approves; a clerk cannot open the face; a reviewer sees only
their department's cases."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desktop.counter.dialogs import ReasonDialog
from domain import events as ev
from sync.store import load_case


@pytest.fixture
def review_dir(data_dir, clock):
    """The demo catalog plus the back office's demo cases, on a replica."""
    from desktop.review.demo import write_review_cases
    from sync.replica import DB_NAME, Replica
    from sync.store import CaseStore

    with Replica(data_dir / DB_NAME) as r:
        write_review_cases(CaseStore(r, clock=clock), clock().date())
    return data_dir


@pytest.fixture
def face(qtbot, review_dir, clock):
    from desktop.review.launch import build
    from desktop.tasks import InlineTaskRunner
    from sync.replica import DB_NAME

    runner = InlineTaskRunner(review_dir / DB_NAME, clock=clock)
    shell = build(review_dir, runner=runner, clock=clock)
    qtbot.addWidget(shell)
    shell.resize(1366, 768)
    shell.show()
    yield shell
    controller = getattr(shell, "sync_controller", None)
    if controller is not None:
        controller.stop()
    shell.shutdown()


def login(shell, no: str, password: str = "1234") -> None:
    shell.login.staff_no.setText(no)
    shell.login.password.setText(password)
    shell.login.submit()


def open_row(shell, item_no: str) -> str:
    row = next(r for r in shell.queue.model.rows if r["item_no"] == item_no)
    shell.open_case(row["id"])
    assert shell.panel.case.id == row["id"]
    return row["id"]


def test_a_clerk_cannot_open_the_reviewer_face(face):
    login(face, "1001")
    assert face.stack.currentWidget() is face.login
    assert "窗口人员不能进行「打开后台审批」" in face.login.message.text()
    assert face.state is None
    login(face, "1050", "wrong")
    assert face.stack.currentWidget() is face.login


def test_the_queue_shows_my_departments_cases_with_their_deadlines(face):
    login(face, "1050")  # 叶子豪, 市场监管局
    assert face.stack.currentWidget() is face.workspace
    rows = face.queue.model.rows
    assert rows and {r["department"] for r in rows} == {"D01"}
    levels = {s.level for s in face.queue.model.shown}
    assert {"overdue", "paused"} <= levels
    assert "超期" in face.queue.count.text()
    assert not any(r["item_no"] == "0301" for r in rows)  # 不动产's case is not mine
    face.logout()
    login(face, "1054")  # 杜少华, 不动产登记中心
    assert [r["item_no"] for r in face.queue.model.rows] == ["0301"]
    open_row(face, "0301")
    facts = " ".join(face.panel.facts.itemAt(i).widget().text()
                     for i in range(face.panel.facts.count())
                     if face.panel.facts.itemAt(i).widget() is not None)
    assert "买方" in facts and "卖方" in facts and "李建国" in facts and "赵淑芬" in facts
    assert "371102196803052016" not in facts  # masked


def test_a_reviewer_approves(face, review_dir):
    login(face, "1050")
    cid = open_row(face, "0101")
    assert ev.APPROVED in face.panel.offered() and ev.EXTENDED not in face.panel.offered()
    face.do_step(ev.APPROVED, {"opinion": "同意"})
    assert face.panel.case.state == "approved"
    assert cid not in face.queue.ids()
    stored = load_case(face.runner._replica, cid)
    assert stored.history[-1].staff_id == "S050" and stored.history[-1].kind == "approved"
    assert "已保存" in face.message.text()


def test_a_reviewer_rejects_with_a_reason_and_the_decision_paper_follows(face, monkeypatch):
    from desktop.printing.papers import papers_after

    login(face, "1050")
    cid = open_row(face, "0105")

    def fill(dialog):
        dialog.reason.setPlainText("经营场所与申请材料不符，不符合法定条件")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReasonDialog, "exec", fill)
    shown = []
    monkeypatch.setattr("desktop.printing.preview.PreviewDialog.show",
                        lambda self: shown.append(self.items))
    face.ask_step(ev.REJECTED)
    case = load_case(face.runner._replica, cid)
    assert case.state == "rejected" and case.reason.startswith("经营场所")
    assert shown == [["decision-refusal"]] == [papers_after(ev.REJECTED, case)]


def test_an_extension_asked_by_the_reviewer_is_approved_by_the_head(face):
    login(face, "1050")
    cid = open_row(face, "0105")
    face.do_step(ev.EXTENSION_REQUESTED, {"days": 8, "reason": "需组织专家论证"})
    assert face.panel.case.extension_request["days"] == 8
    assert ev.EXTENDED not in face.panel.offered()  # only the head approves
    face.logout()
    login(face, "1070")  # 孔德明, the head of 市场监管局
    pending = [r for r in face.queue.model.rows if r["extension_pending"]]
    assert cid in [r["id"] for r in pending]
    face.open_case(cid)
    assert {ev.EXTENDED, ev.EXTENSION_DECLINED} <= set(face.panel.offered())
    face.do_step(ev.EXTENDED, {"days": 8, "reason": "需组织专家论证", "approved_by": "S070"})
    case = load_case(face.runner._replica, cid)
    assert case.extension_days == 8 and case.extension["requested_by"] == "S050"
    assert case.history[-1].staff_id == "S070"
    assert ev.EXTENDED not in face.panel.offered() and ev.EXTENSION_REQUESTED not in \
        face.panel.offered()  # once


def test_pause_for_an_expert_review_and_resume(face):
    login(face, "1050")
    open_row(face, "0101")
    face.do_step(ev.CLOCK_PAUSED, {"reason": "组织现场核查", "pause_reason": "inspection"})
    assert face.panel.case.clock_paused and ev.CLOCK_RESUMED in face.panel.offered()
    assert ev.EXTENSION_REQUESTED not in face.panel.offered()  # the clock does not run
    face.do_step(ev.CLOCK_RESUMED, {})
    assert not face.panel.case.clock_paused
    assert face.panel.case.procedures[0]["end"]


def test_against_the_server_over_http(qtbot, server, code_for, tmp_path, clock):
    """The same face on the server's back office: a token, the queue, a decision that
    reaches the terminal that accepted the case."""
    from desktop.review.launch import build
    from desktop.tasks import InlineTaskRunner
    from sync.client_cli import sync_once
    from sync.replica import DB_NAME
    from tests.support.terminal import Term

    term = Term(tmp_path / "counter", server.url, code_for())
    cid = term.open_case()
    term.step(cid, ev.ACCEPTED)
    term.step(cid, ev.SUBMITTED_FOR_REVIEW)
    assert sync_once(term.dir)["ok"]
    with __import__("sync.replica", fromlist=["Replica"]).Replica.in_dir(term.dir) as r:
        dep = load_case(r, cid).department
    office = tmp_path / "office"
    office.mkdir()
    runner = InlineTaskRunner(office / DB_NAME, clock=clock)
    shell = build(office, server=server.url, hall="371100", runner=runner, clock=clock)
    qtbot.addWidget(shell)
    shell.show()
    assert "审批服务器" in shell.mode_label.text()
    login(shell, "1001", "1234")  # a demo clerk: disarmed on a real server, one answer
    assert shell.stack.currentWidget() is shell.login and "登录失败" in \
        shell.login.message.text()
    login(shell, f"9{int(dep[1:]):03d}", "pw-9001")
    assert shell.stack.currentWidget() is shell.workspace
    assert cid in shell.queue.ids()
    shell.open_case(cid)
    assert shell.panel.case.state == "in_review"
    shell.do_step(ev.APPROVED, {"opinion": "同意"})
    assert shell.panel.case.state == "approved"
    assert sync_once(term.dir)["pulled"] == 1 and term.state(cid) == "approved"
    shell.shutdown()
