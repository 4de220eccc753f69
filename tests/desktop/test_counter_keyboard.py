"""Issue 15.9 and 15.10: the materials list and the pickers as a clerk's hands use them."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.counter.item_picker import ItemPicker
from desktop.counter.materials import COL_COUNT, COL_NAME, COL_RECEIVED
from tests.desktop.test_counter_cases import start


def ticked(table, row: int) -> bool:
    return table.item(row, COL_RECEIVED).checkState() == Qt.CheckState.Checked


def test_space_ticks_the_row_wherever_the_cursor_is(qtbot, clerk):
    table = start(clerk, "0301").materials
    table.setFocus()
    for col in (COL_NAME, COL_COUNT, COL_RECEIVED):
        table.setCurrentCell(1, col)
        before = ticked(table, 1)
        QTest.keyClick(table, Qt.Key.Key_Space)
        # the wedge filter holds a lone key ~45 ms before handing it back
        qtbot.waitUntil(lambda b=before: ticked(table, 1) is not b, timeout=1000)


def test_space_ticks_the_row_and_moves_on_with_the_arrows(qtbot, clerk):
    table = start(clerk, "0301").materials
    table.setFocus()
    table.setCurrentCell(0, COL_NAME)
    QTest.keyClick(table, Qt.Key.Key_Space)
    QTest.keyClick(table, Qt.Key.Key_Down)
    QTest.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: ticked(table, 0) and ticked(table, 1), timeout=1000)


def test_tab_leaves_the_table(qtbot, clerk):
    table = start(clerk, "0301").materials
    clerk.activateWindow()
    table.setFocus()
    table.setCurrentCell(0, COL_RECEIVED)
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table
    assert table.currentRow() == 0 and table.currentColumn() == COL_RECEIVED


def names(picker: ItemPicker) -> list[str]:
    return [picker.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(picker.list.count())]


def test_the_pickers_own_example_finds_what_it_promises(qtbot, clerk):
    picker = ItemPicker(clerk.state.catalog, None, clerk)
    qtbot.addWidget(picker)
    example = re.search(r"如 (\w+) 即“(.+?)”", picker.prompt.text())
    assert example, picker.prompt.text()
    picker.filter.setText(example[1])
    first = clerk.state.catalog.item(names(picker)[0])
    assert first.name == example[2]


def test_common_items_come_first_among_equal_matches(qtbot, clerk):
    # "hdj" is inside 结婚登记 (jhdj) and 离婚登记 (lhdj) alike; this hall does divorces
    from desktop.counter import jobs

    for _ in range(2):  # registered, and told what to bring (both parties come later)
        rec = start(clerk, "0802")
        rec.request_supplement({"missing": ["结婚证"], "reason": "缺少结婚证"})
    usage = jobs.item_usage(clerk.runner._replica)
    assert usage.get("0802") == 2
    picker = ItemPicker(clerk.state.catalog, None, clerk, usage=usage)
    qtbot.addWidget(picker)
    picker.filter.setText("hdj")
    assert names(picker)[:2] == ["0802", "0801"]


def test_nonsense_says_no_match(qtbot, clerk):
    picker = ItemPicker(clerk.state.catalog, None, clerk)
    qtbot.addWidget(picker)
    picker.filter.setText("zzzz")
    assert names(picker) == []
    assert "没有" in picker.status.text()


def test_digits_on_the_login_page_do_not_change_the_window(qtbot, counter):
    login = counter.login
    box = login.window_box
    before = box.currentData()
    box.setFocus()
    QTest.keyClicks(box, "12", delay=80)  # a clerk typing the staff number in the wrong field
    assert box.currentData() == before
    login.staff_no.setText("1001")
    login.password.setText("1234")
    login.submit()
    assert counter.settings_store.get("window_id") == before
