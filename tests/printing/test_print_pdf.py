"""A4 papers: what the case holds is on the paper, the barcode scans back, long lists
paginate, a rare name prints from an embedded font, and ID numbers stay masked."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from domain import idnumber
from printing.context import cn_date
from printing.demo import DOC_STORY, demo_applicant, demo_case
from printing.documents import RECEIPT_DOCS, build, decided_on, to_pdf
from printing.model import A4, Barcode, Document, Para

A4_DOCS = ("acceptance-notice", "supplement-notice", "refusal-notice", "materials-receipt",
           "completion-notice", "mailing-sheet", "decision-refusal", "extension-notice",
           "pause-notice", "tolerance-promise")
WHOLE_ID = demo_applicant().id_number


def flat(text: str) -> str:
    """pdftotext puts blanks and breaks inside wrapped CJK text; compare without them."""
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("doc", A4_DOCS)
def test_the_paper_says_what_the_case_holds(make, poppler, catalog, doc):
    d = make(doc)
    text = flat(poppler.text(to_pdf(d)))
    case_number = d.case_number
    decided = cn_date(decided_on(doc, demo_case(catalog, story=DOC_STORY[doc])))
    for expected in ("王䶮", "食品经营许可证核发", case_number, "日照市政务服务中心", decided,
                     "1001"):
        assert expected in text, f"{doc}: {expected} missing"
    assert WHOLE_ID not in text
    if doc != "mailing-sheet":  # the mailing sheet carries no ID number at all
        assert idnumber.mask(WHOLE_ID) in text


def test_supplement_notice_lists_every_missing_material(make, poppler, catalog):
    d = make("supplement-notice", long_list=True)
    text = flat(poppler.text(to_pdf(d)))
    missing = demo_case(catalog, story=DOC_STORY["supplement-notice"], long_list=True).missing
    assert len(missing) >= 10
    for name in missing:
        assert flat(name) in text
    assert f"共{len(missing)}项" in text


def test_refusal_states_reason_and_remedies(make, poppler):
    text = flat(poppler.text(to_pdf(make("refusal-notice"))))
    assert "不属于本中心受理范围" in text
    assert "六十日内" in text and "行政复议法" in text
    assert "六个月内" in text and "行政诉讼法" in text


@pytest.mark.parametrize("doc", ["acceptance-notice", "materials-receipt"])
def test_barcode_decodes_to_the_case_number(make, poppler, doc):
    d = make(doc)
    png = poppler.png(to_pdf(d), dpi=200)
    assert d.case_number in poppler.barcodes(png)


def test_receipt_pdf_barcode_decodes(make, poppler):
    d = make("slip")
    assert d.paper != A4
    slip_number = next(b.value for b in d.blocks if isinstance(b, Barcode))
    assert len(slip_number) == 20
    assert slip_number in poppler.barcodes(poppler.png(to_pdf(d), dpi=200))


def test_long_material_list_runs_onto_numbered_pages(make, poppler):
    pdf = to_pdf(make("materials-receipt", long_list=True))
    assert poppler.pages(pdf) == 2
    text = flat(poppler.text(pdf))
    assert "第1页/共2页" in text and "第2页/共2页" in text
    assert "材料接收凭证（续）" in text  # the running header on page 2
    assert "主要生产设施、污染防治设施平面布置图" in text  # the last of 34


def test_short_notice_is_one_page(make, poppler):
    pdf = to_pdf(make("acceptance-notice"))
    assert poppler.pages(pdf) == 1
    assert "第1页/共1页" in flat(poppler.text(pdf))


def test_rare_character_comes_from_an_embedded_fallback_font(make, poppler):
    pdf = to_pdf(make("acceptance-notice"))
    fonts = poppler.fonts(pdf)
    assert "DroidSansFallback" in fonts and "WenQuanYiMicroHei" in fonts
    for line in fonts.splitlines()[2:]:
        assert line.split()[-5] == "yes", f"font not embedded: {line}"  # emb column
    assert "Helvetica" not in fonts


def test_rare_character_draws_ink(catalog, poppler):
    """䶮 alone on a page: a blank box or nothing would leave the page (nearly) white,
    a real glyph puts a character's worth of black on it."""
    ink = {}
    for ch in ("䶮", "王", " "):
        doc = Document(doc="t", title="t", paper=A4, blocks=(Para(ch, size="huge"),))
        img = Image.open(poppler.png(to_pdf(doc), dpi=100)).convert("L").crop((0, 0, 827, 300))
        ink[ch] = sum(img.histogram()[:128])
    assert ink[" "] == 0
    assert ink["䶮"] > 0.4 * ink["王"]


def test_whole_id_only_where_settings_say(make, poppler):
    d = make("acceptance-notice", settings={"full_id_docs": ["acceptance-notice"]})
    assert WHOLE_ID in flat(poppler.text(to_pdf(d)))
    other = make("refusal-notice", settings={"full_id_docs": ["acceptance-notice"]})
    assert WHOLE_ID not in flat(poppler.text(to_pdf(other)))


def test_a5_setting(make, poppler):
    pdf = to_pdf(make("acceptance-notice", settings={"notice_paper": "A5"}))
    assert b"/MediaBox [ 0 0 419.5" in pdf and poppler.pages(pdf) >= 1


def test_receipt_docs_also_render_to_pdf(make, poppler):
    for doc in RECEIPT_DOCS:
        text = flat(poppler.text(to_pdf(make(doc))))
        assert "日照市政务服务中心" in text and "王" in text


def test_every_build_is_deterministic(make, catalog):
    assert make("slip") == make("slip")
    with pytest.raises(ValueError, match="未知的文书"):
        build("nope", None, catalog, today=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("doc", sorted(DOC_STORY))
def test_every_paper_builds_for_the_long_joint_item_too(make, doc):
    """bench_printing builds each paper for the 多证联办 joint item as well: the 容缺 story
    promised the demo item's 健康证明, which the joint item does not list (refused)."""
    paper = make(doc, long_list=True)
    assert to_pdf(paper).startswith(b"%PDF")
