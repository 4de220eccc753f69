"""The supervisor's charts speak the UI language: their titles went through a helper
lupdate cannot read, so they stayed Chinese in English (found in the English screenshots)."""

from __future__ import annotations


def test_chart_titles_and_series_in_english(qapp):
    from desktop import i18n, i18n_build
    from desktop.supervisor import charts

    for ts in i18n_build.TRANSLATIONS.glob("*_en.ts"):  # what `make translations` does
        i18n_build.release(ts)
    try:
        assert i18n.install(qapp, "en")
        views = [charts.trend([{"group": "2026-11-02", "accepted": 3, "completed": 1}],
                              "2026-11-02"), charts.overdue([])]  # the views own the charts
        trend, overdue = (v.chart() for v in views)
        assert trend.title() == "Accepted and completed by day"
        assert [s.name() for s in trend.series()] == ["Accepted", "Completed"]
        assert overdue.title() == "Overdue cases by department"
    finally:
        i18n.install(qapp, "zh_CN")
    view = charts.overdue([])
    assert view.chart().title() == "各部门超期件数"
