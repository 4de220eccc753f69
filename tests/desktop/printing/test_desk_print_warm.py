"""The counter's first login warms printing in the background (issue 17): the CJK fonts
are parsed before the clerk's first paper needs them, and a broken font install costs a
warning in the log, never the login."""

from __future__ import annotations

import logging

import pytest

from printing import fonts


@pytest.fixture
def cold_fonts():
    """The process's parsed fonts forgotten, as in a counter that just started."""
    fonts._ttfonts.cache_clear()
    fonts._coverage.cache_clear()
    yield
    fonts._ttfonts.cache_clear()
    fonts._coverage.cache_clear()


def test_first_login_parses_the_fonts_before_any_paper(cold_fonts, counter):
    # the inline runner ran the warm-up at the login: nothing has been printed yet
    assert counter.printing is not None
    assert fonts._ttfonts.cache_info().currsize == 1
    assert fonts._coverage.cache_info().currsize == 1
    assert fonts.font_for("䶮") == fonts.FALLBACK  # the coverage tables are the real ones


@pytest.fixture
def font_gone(monkeypatch, tmp_path, caplog):
    """The main font file missing (a broken install), warnings captured from the start."""
    gone = fonts.FontFile(fonts.MAIN, tmp_path / "nowhere.ttc", 0)
    monkeypatch.setattr(fonts, "FONTS", (gone, fonts.FONTS[1]))
    caplog.set_level(logging.WARNING, logger="desktop.printing.counter_hooks")


def test_missing_fonts_only_warn_and_the_counter_works(cold_fonts, font_gone, counter,
                                                       caplog):
    assert counter.workspace is not None and counter.printing is not None  # logged in
    assert any("printing warm-up" in r.getMessage() and "nowhere.ttc" in r.getMessage()
               for r in caplog.get_records("setup"))  # logged at the login
    assert fonts._ttfonts.cache_info().currsize == 0
