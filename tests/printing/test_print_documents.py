"""The build entry, hall settings as data, refusals of papers that do not fit the case,
characters no font has, the demo case and the `print` command."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

import pytest

from printing import cli, documents, fonts
from printing.demo import DOC_STORY, STORIES, demo_case
from printing.documents import DocumentNotApplicable, MissingGlyph, build, to_pdf
from printing.settings import HallPrintSettings, SettingsError, settings_from

TODAY = dt.date(2025, 3, 14)


def test_settings_are_data(catalog, make, poppler):
    s = settings_from(catalog.hall, {"seal_text": "日照市行政审批服务局", "footer": "监督电话 8888"})
    assert isinstance(s, HallPrintSettings) and s.hall_name == catalog.hall.name
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.seal_text = "x"  # type: ignore[misc]
    text = poppler.text(to_pdf(make("acceptance-notice", settings=s)))
    assert "日照市行政审批服务局（盖章）" in text.replace(" ", "")


def test_settings_refuse_typos_and_wrong_types(catalog):
    with pytest.raises(SettingsError, match="seal_txt"):
        settings_from(catalog.hall, {"seal_txt": "x"})
    with pytest.raises(SettingsError, match="notice_paper"):
        settings_from(catalog.hall, {"notice_paper": "Letter"})
    with pytest.raises(SettingsError, match="strict_glyphs"):
        settings_from(catalog.hall, {"strict_glyphs": "yes"})


@pytest.mark.parametrize(("doc", "story"), [("refusal-notice", "accepted"),
                                            ("acceptance-notice", "registered"),
                                            ("supplement-notice", "accepted"),
                                            ("completion-notice", "accepted")])
def test_a_paper_that_does_not_fit_the_case_is_refused(catalog, doc, story):
    case = demo_case(catalog, story=story)
    with pytest.raises(DocumentNotApplicable, match=case.case_number):
        build(doc, case, catalog, today=TODAY)


def test_every_doc_builds_from_its_demo_story(catalog):
    assert set(DOC_STORY) == set(documents.DOCS) == set(cli.DOC_NAMES)
    for story in STORIES:
        assert demo_case(catalog, story=story).history  # folded from real events
    for doc, story in DOC_STORY.items():
        d = build(doc, demo_case(catalog, story=story), catalog, today=TODAY)
        assert d.case_number and d.hall_name == "日照市政务服务中心"


def test_a_character_no_font_has_is_named_not_hidden(catalog, caplog):
    case = demo_case(catalog, story="accepted")
    case.applicant["name"] = "王𠀀"  # Extension B: in neither shipped font
    with caplog.at_level(logging.WARNING, logger="printing.documents"):
        d = build("acceptance-notice", case, catalog, today=TODAY)
    assert d.missing_glyphs == ("𠀀",)
    assert "U+20000" in caplog.text and "𠀀" not in caplog.text  # no personal data in logs
    with pytest.raises(MissingGlyph, match=r"U\+20000"):
        build("acceptance-notice", case, catalog, {"strict_glyphs": True}, today=TODAY)


def test_fallback_covers_the_demo_rare_name():
    assert fonts.font_for("王") == fonts.MAIN
    assert fonts.font_for("䶮") == fonts.FALLBACK
    assert fonts.missing_glyphs("王䶮 A-1，") == []
    assert 'name="DroidSansFallback">䶮<' in fonts.markup("王䶮<&>")
    assert "&lt;&amp;&gt;" in fonts.markup("<&>")


def test_cli_demo_writes_each_format(tmp_path, capsys):
    for doc, fmt in (("slip", "escpos"), ("slip", "png"), ("mailing-sheet", "pdf")):
        out = tmp_path / f"{doc}.{fmt}"
        assert cli.main(["print", doc, "--demo", "--out", str(out), "--format", fmt]) == 0
        assert out.stat().st_size > 1000
    assert (tmp_path / "slip.escpos").read_bytes().endswith(b"\x1d\x56\x42\x00")
    assert (tmp_path / "mailing-sheet.pdf").read_bytes().startswith(b"%PDF")


def test_cli_errors_are_clear(tmp_path, capsys):
    out = str(tmp_path / "x.bin")
    assert cli.main(["print", "refusal-notice", "--demo", "--out", out]) == 2
    assert "不能输出为 escpos" in capsys.readouterr().err
    assert cli.main(["print", "nope", "--demo", "--out", out]) == 2
    assert "未知的文书" in capsys.readouterr().err
    assert cli.main(["print", "slip", "--case", "1250314000100073", "--out", out]) == 1
    assert "找不到办件" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        cli.main(["print", "slip", "--demo", "--case", "1", "--out", out])
    assert exc.value.code == 2


def test_cli_uses_the_injected_loader(catalog, tmp_path):
    import argparse

    case = demo_case(catalog, story="accepted")

    def load(number):
        if number != case.case_number:
            raise cli.CaseNotFound("本地无此办件")
        return case, catalog

    parser = argparse.ArgumentParser()
    cli.add_commands(parser.add_subparsers(), load)
    out = tmp_path / "r.pdf"
    args = parser.parse_args(["print", "acceptance-receipt", "--case", case.case_number,
                              "--out", str(out)])
    assert args.func(args) == 0 and out.read_bytes().startswith(b"%PDF")
    args = parser.parse_args(["print", "slip", "--case", "1999", "--out", str(out)])
    assert args.func(args) == 1
