"""Issue 15.5 and 15.6: messages where the cause is, gone with the cause; one upload count.

"材料不齐（缺5项）" stayed in the status bar after ticking down to 3 missing, "校验位不正确"
after a successful search; long messages pushed the device lights off the edge; and
"待上传 803 条" stood beside "已全部上传" in standalone mode.
"""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from desktop.counter.shell import CounterShell
from tests.desktop.test_counter_cases import start, valid_id
from tests.desktop.test_counter_scan_search import accepted_case


def shown_texts(shell: CounterShell) -> str:
    """Every sentence the clerk can see right now."""
    return "\n".join(label.text() for label in shell.findChildren(QLabel)
                     if label.isVisibleTo(shell) and label.text())


def test_missing_materials_message_follows_the_ticks(clerk):
    rec = start(clerk, "0301")
    missing = len(rec.materials.missing())
    assert missing >= 5
    rec.accept_case()
    assert f"缺{missing}项" in shown_texts(clerk) or f"{missing}项" in rec.feedback.text()
    assert rec.feedback.isVisibleTo(clerk)  # beside the buttons, not in the status bar
    item = clerk.state.catalog.item("0301")
    required = [m for m in item.materials if m.required]
    rec.materials.set_tick(required[0].id, True)
    rec.materials.set_tick(required[1].id, True)
    texts = shown_texts(clerk)
    assert f"缺{missing}项" not in texts and f"尚缺{missing}项" not in texts
    assert f"尚缺{missing - 2}项" in texts
    assert not rec.feedback.isVisibleTo(clerk)  # the cause changed: the refusal went


def test_bad_id_number_is_said_at_the_field_and_blocks(clerk):
    rec = start(clerk, "0105", person={"name": "李建国", "id_number": "371102196803052010"})
    rec.materials.tick_all_required()
    rec.accept_case()
    field = rec.form.applicant
    assert "校验位" in field.id_info.text()
    assert "校验位" not in clerk.message.text()
    assert field.id_number.hasFocus() or clerk.focusWidget() is field.id_number
    field.id_number.setText(valid_id())
    assert "校验位" not in shown_texts(clerk)


def test_search_error_is_beside_the_search_and_goes_after_a_good_search(clerk):
    case = accepted_case(clerk)
    ws = clerk.workspace
    ws.search_bar.field.setText("371102196803052010")
    ws.search("371102196803052010")  # wrong check digit
    assert "校验位" in ws.search_bar.feedback.text()
    assert ws.search_bar.feedback.isVisibleTo(clerk)
    assert "校验位" not in clerk.message.text()
    ws.search(case.case_number)
    assert ws.stack.currentWidget() is ws.case_view
    assert "校验位" not in shown_texts(clerk)


def test_search_error_goes_when_the_clerk_types_again(qtbot, clerk):
    ws = clerk.workspace
    ws.search("zzzz不存在的人")
    assert "没有找到" in ws.search_bar.feedback.text()
    QTest.keyClicks(ws.search_bar.field, "371")
    qtbot.waitUntil(lambda: ws.search_bar.field.text() == "371", timeout=1000)
    assert not ws.search_bar.feedback.isVisibleTo(clerk)


def test_long_message_leaves_the_fixed_items_on_screen(clerk):
    bar = clerk.statusBar()
    clerk.show_message("很长的提示" * 60, "info")
    assert clerk.minimumSizeHint().width() <= 1366  # the window need not grow past 1366
    for fixed in (clerk.terminal_label, clerk.clock_label):
        right = fixed.mapTo(clerk, fixed.rect().topRight()).x()
        assert fixed.isVisible() and right <= bar.width(), fixed.text()
    assert clerk.message.toolTip().startswith("很长的提示")  # the whole sentence on hover


def test_standalone_says_so_and_counts_once(clerk, qtbot):
    accepted_case(clerk)
    clerk.sync_slot.set_status(clerk.sync_controller.last)  # whatever the worker said
    texts = shown_texts(clerk)
    assert "单机" in texts
    assert "已全部上传" not in texts  # nothing uploads in standalone mode
    assert "待上传" not in texts
    assert not clerk.sync_slot.button.isVisibleTo(clerk)
