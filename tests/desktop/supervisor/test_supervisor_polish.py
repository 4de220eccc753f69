"""What the first build's supervisor got wrong on screen: department names cut to "…"
on the overdue chart, follow-up steps left in Chinese in the English face, window
labels cut to "1…" on the satisfaction chart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

DEPARTMENTS = ["市市场监督管理局", "市人力资源和社会保障局", "国家税务总局日照市税务局",
               "市公安局交通警察支队", "市不动产登记中心"]


def _axis_labels(view):  # type: ignore[no-untyped-def]
    from PySide6.QtCharts import QBarCategoryAxis

    axis = next(a for a in view.chart().axes() if isinstance(a, QBarCategoryAxis))
    return axis, list(axis.categories())


def test_overdue_chart_keeps_whole_department_names(qtbot):
    from desktop.supervisor import charts

    rows = [{"label": name, "overdue": n + 1} for n, name in enumerate(DEPARTMENTS)]
    view = charts.overdue(rows)
    qtbot.addWidget(view)
    view.resize(420, 260)  # the chart column at 1366×768
    view.show()
    view.grab()
    axis, labels = _axis_labels(view)
    assert set(labels) == {"市场监督管理局", "人力资源和社会保障局", "国家税务总局日照市税务局",
                           "公安局交通警察支队", "不动产登记中心"}
    assert not axis.labelsTruncated()


def test_satisfaction_chart_names_windows_by_number(qtbot):
    from desktop.supervisor import charts

    rows = [{"label": f"{n}号个人住房信息综合查询窗口", "rated": 3, "satisfaction_rate": 0.9}
            for n in range(1, 16)]
    view = charts.satisfaction(rows)
    qtbot.addWidget(view)
    view.resize(420, 260)
    view.show()
    view.grab()
    axis, labels = _axis_labels(view)
    assert labels == [f"{n}号" for n in range(1, 16)] and not axis.labelsTruncated()


@pytest.fixture
def english(qapp, tmp_path):
    from desktop import i18n, i18n_build

    qm = i18n_build.release(i18n_build.TRANSLATIONS / "supervisor_en.ts",
                            tmp_path / "supervisor_en.qm")
    from PySide6.QtCore import QTranslator

    tr = QTranslator(qapp)
    assert tr.load(str(qm))
    qapp.installTranslator(tr)
    yield
    qapp.removeTranslator(tr)
    i18n.install(qapp, "zh_CN")


def test_followup_steps_and_contact_ways_in_english(english, qtbot):
    from desktop.supervisor.ratings_page import FollowupsPage, step_text, way_text
    from domain.catalog import catalog_from_dict

    assert [step_text(s) for s in ("open", "contacted", "rectified", "closed")] == [
        "To revisit", "Revisited", "Rectified", "Closed"]
    assert way_text("phone") == "Phone"
    import json

    from resources import path

    cat = catalog_from_dict(json.loads(path("catalog", "demo.json").read_text("utf-8")))
    page = FollowupsPage(cat, None)
    qtbot.addWidget(page)
    assert [page.how.itemText(i) for i in range(page.how.count())] == [
        "Phone", "SMS", "Visit", "Other"]
    assert QCoreApplication.translate("followups", "非常不满意") == "Very dissatisfied"


@pytest.mark.parametrize("catalog", ["supervisor", "kiosk", "yichuang"])
def test_every_english_string_is_translated(catalog):
    from desktop import i18n_build

    text = (i18n_build.TRANSLATIONS / f"{catalog}_en.ts").read_text("utf-8")
    assert 'type="unfinished"' not in text
