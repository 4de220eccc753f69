"""Issue 15.13: the smaller things a clerk sees every day."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from desktop.counter.dialogs import SupplementDialog
from desktop.counter.law_dialogs import ExtensionRequestDialog
from printing import documents
from printing.demo import demo_case
from printing.layout import BarLine, TextLine, layout
from tests.desktop.test_counter_cases import start


@pytest.fixture
def styled(qapp):
    from desktop.app import load_fonts, load_style

    load_fonts()
    before = qapp.styleSheet()
    qapp.setStyleSheet(load_style("counter"))
    yield
    qapp.setStyleSheet(before)


def test_window_titles_do_not_repeat_the_name(qapp, counter):
    from desktop import i18n

    i18n.install(qapp, "zh_CN")
    assert qapp.applicationDisplayName() == "一窗"  # Qt appends it: "窗口受理 — 一窗"
    assert "一窗" not in counter.windowTitle()
    assert counter.windowTitle() == "窗口受理"


def test_spin_box_arrows_are_drawn(qtbot, styled):
    dialog = ExtensionRequestDialog(10)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(20)
    image = dialog.days.grab().toImage()
    right = range(image.width() - 20, image.width() - 2)
    dark = sum(1 for x in right for y in range(3, image.height() - 3)
               if QColor(image.pixel(x, y)).lightness() < 110)
    # two filled triangles: ~50 dark pixels; the broken look (frame slivers, no glyph)
    # had about half of that
    assert dark >= 40, f"no arrow glyphs in the spin box's buttons ({dark} dark pixels)"


def test_pickup_slip_does_not_decide_the_delivery(clerk):
    catalog = clerk.state.catalog
    ready = demo_case(catalog, story="ready")
    doc = documents.build("pickup-slip", ready, catalog, today=ready.accepted_on)
    fields = dict(row for b in doc.blocks if hasattr(b, "rows") for row in b.rows)
    assert "尚未选择" in fields["领取方式"] and "EMS" in fields["领取方式"]
    mailed = demo_case(catalog, story="mailed")
    doc = documents.build("pickup-slip", mailed, catalog, today=mailed.accepted_on)
    fields = dict(row for b in doc.blocks if hasattr(b, "rows") for row in b.rows)
    assert fields["领取方式"] == "EMS邮寄送达"


def test_the_barcode_caption_keeps_off_the_bars(clerk):
    catalog = clerk.state.catalog
    ready = demo_case(catalog, story="ready")
    lines = layout(documents.build("pickup-slip", ready, catalog, today=ready.accepted_on), 48)
    bars = next(i for i, line in enumerate(lines) if isinstance(line, BarLine))
    assert isinstance(lines[bars - 1], TextLine) and lines[bars - 1].text == ""
    assert lines[bars - 2].text == "办件编号"


def test_a_supplement_at_reception_shows_its_time_limit(clerk):
    rec = start(clerk, "0105")  # promised: 10 working days
    rec.request_supplement(SupplementDialog(rec.materials.missing(), clerk).payload())
    view = clerk.workspace.case_view
    assert view.case.state == "supplement_requested"
    assert "补正" in view.countdown.text() and "10个工作日" in view.countdown.text()
    # the same in a list of cases (the hall's open cases show it)
    from sync import queries

    model = clerk.workspace.my_cases.model
    model.set_rows(queries.open_cases(clerk.runner._replica))
    row = model.ids.index(view.case.id)
    assert "待补正" in model.data(model.index(row, model.COLUMNS.index("countdown")))
