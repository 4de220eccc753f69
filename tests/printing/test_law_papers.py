"""The papers the 行政许可法 asks for: 不予许可 with its remedies (art. 38), the extension
notice (art. 42), the pause notice (art. 45), the 容缺受理承诺书; decision dates; 补打;
and the papers of a kiosk case that never reached acceptance."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from domain import events as ev
from domain.application import Actor, Person, new_event, registration_payload
from domain.case import fold
from domain.idnumber import check_char
from printing.demo import DOC_STORY, STORIES, demo_case
from printing.documents import DocumentNotApplicable, build, to_pdf, to_png
from tests.support.servers import yichuang

LAW_DOCS = ("decision-refusal", "extension-notice", "pause-notice", "tolerance-promise")
LATER = dt.date(2025, 5, 6)  # printed weeks after every decision of the demo stories


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def text_of(poppler, document) -> str:
    return flat(poppler.text(to_pdf(document)))


def test_decision_refusal_states_reason_remedies_and_the_deciding_department(catalog, poppler):
    case = demo_case(catalog, story="rejected")
    text = text_of(poppler, build("decision-refusal", case, catalog, today=LATER))
    assert "不予行政许可决定书" in text and "第三十八条第二款" in text
    assert "食品处理区与非食品处理区未有效分隔" in text
    assert "六十日内" in text and "行政复议法" in text
    assert "六个月内" in text and "行政诉讼法" in text
    assert "市市场监督管理局（盖章）" in text and "审查人：" in text
    assert "2025年3月17日" in text  # the day of the decision
    assert "2025年5月6日" not in text  # not the day it was printed


def test_extension_notice_names_the_head_the_reason_and_the_new_deadline(catalog, poppler):
    case = demo_case(catalog, story="extended")
    text = text_of(poppler, build("extension-notice", case, catalog, today=LATER))
    assert "延长办理期限告知书" in text and "第四十二条" in text
    assert "经本机关负责人批准，办理期限延长10个工作日" in text
    assert "批准人：孔德明" in text  # the head of 市场监管局, a real staff record
    d = case.deadline(catalog_calendar())
    assert f"{d.day.year}年{d.day.month}月{d.day.day}日前办结" in text
    assert "原定办结" in text
    extended = next(s for s in case.history if s.kind == "extended").recorded_at[:10]
    y, m, day = (int(x) for x in extended.split("-"))
    assert f"{y}年{m}月{day}日" in text


def catalog_calendar():
    from printing.context import default_calendar

    return default_calendar()


def test_pause_notice_while_it_lasts_and_after_it_ended(catalog, poppler):
    running = demo_case(catalog, story="paused")
    text = text_of(poppler, build("pause-notice", running, catalog, today=LATER))
    assert "特别程序告知书" in text and "第四十五条" in text and "专家评审" in text
    assert "食品加工工艺需组织专家评审" in text and "另行书面告知所需时间" in text
    assert "专家评审期间暂停计时" in text  # not "补正期间"
    ended = demo_case(catalog, story="resumed")
    text = text_of(poppler, build("pause-notice", ended, catalog, today=LATER))
    assert re.search(r"历时\d+个工作日（不计入办理期限）", text)
    proc = ended.procedures[-1]
    end = dt.date.fromisoformat(proc["end"])
    assert f"结束日期：{end.year}年{end.month}月{end.day}日" in text
    assert text.count(f"{end.year}年{end.month}月{end.day}日") >= 2  # also the paper's date


def test_tolerance_promise_lists_what_is_promised_and_by_when(catalog, poppler):
    case = demo_case(catalog, story="tolerance")
    text = text_of(poppler, build("tolerance-promise", case, catalog, today=LATER))
    assert "容缺受理承诺书" in text and "专职或兼职食品安全管理人员名单及健康证明" in text
    assert "2025年3月24日" in text and "未补齐" in text  # due ten days after acceptance
    assert "承诺人（签字）" in text and "所缺材料补齐后方可出件" in text


@pytest.mark.parametrize("doc", LAW_DOCS)
def test_a_law_paper_is_refused_for_a_case_it_does_not_speak_of(catalog, doc):
    with pytest.raises(DocumentNotApplicable):
        build(doc, demo_case(catalog, story="accepted"), catalog, today=LATER)


@pytest.mark.parametrize("doc", ["acceptance-notice", "supplement-notice", "refusal-notice",
                                 "completion-notice", *LAW_DOCS])
def test_every_paper_bears_its_decisions_date_and_a_reprint_says_so(catalog, poppler, doc):
    case = demo_case(catalog, story=DOC_STORY[doc])
    first = text_of(poppler, build(doc, case, catalog, today=LATER))
    assert "2025年5月6日" not in first and "补打" not in first
    again = text_of(poppler, build(doc, case, catalog, today=LATER, reprint=True))
    assert "补打" in again and "补打日期：2025年5月6日" in again
    assert again.replace("补打", "") != first  # the mark is on the paper, not only a title


def test_a_reprinted_receipt_says_so(catalog):
    case = demo_case(catalog, story="accepted")
    doc = build("acceptance-receipt", case, catalog, today=LATER, reprint=True)
    assert any("补打" in t and "2025年5月6日" in t for t in doc.texts())


def kiosk_case(catalog, kind: str, payload: dict):
    """A case registered at the kiosk (slip number, no case number) and its first step."""
    item = catalog.item("0105")
    body = "37110219850612123"
    person = Person("王燕", body + check_char(body))
    reg = registration_payload(item, person, slip_number="22503140001000701051",
                               channel="kiosk")
    t = "2025-03-14T09:0{}:00+08:00"
    events = [new_event(None, "k", ev.REGISTERED, reg, Actor("kiosk", "K1"), event_id="k1",
                        terminal_seq=1, recorded_at=t.format(1))]
    events.append(new_event(fold(events, "k"), "k", kind, payload, Actor("S001", "T1", "W01"),
                            event_id="k2", terminal_seq=2, recorded_at=t.format(5)))
    return fold(events, "k")


@pytest.mark.parametrize(("doc", "kind", "payload"), [
    ("supplement-notice", ev.SUPPLEMENT_REQUESTED, {"missing": ["营业执照"]}),
    ("refusal-notice", ev.REFUSED, {"reason": "不属于本中心受理范围"}),
])
def test_papers_of_a_kiosk_case_refused_or_sent_to_supplement_before_acceptance(
        catalog, poppler, doc, kind, payload):
    case = kiosk_case(catalog, kind, payload)
    assert case.case_number == ""  # numbered by the replica (test_law_replica); here none
    d = build(doc, case, catalog, today=LATER)
    text = text_of(poppler, d)
    assert "22503140001000701051" in text
    assert d.case_number == "22503140001000701051"
    png = poppler.png(to_pdf(d), dpi=200)
    assert "22503140001000701051" in poppler.barcodes(png)


@pytest.mark.parametrize("doc", LAW_DOCS)
def test_print_command_as_written(tmp_path, poppler, doc):
    out = tmp_path / f"{doc}.pdf"
    r = yichuang("print", doc, "--demo", "--out", str(out), "--format", "pdf")
    assert r.returncode == 0 and out.read_bytes().startswith(b"%PDF")
    assert f"{out} (pdf," in r.stdout
    png = poppler.png(out.read_bytes(), dpi=100)
    assert png.stat().st_size > 10_000
    assert to_png  # the PNG preview path is the same renderer (tests/printing/test_print_pdf)


@pytest.mark.parametrize("story", STORIES)
def test_every_paper_prints_for_every_case_in_every_state_that_has_it(catalog, story):
    from printing.documents import DOCS, render

    case = demo_case(catalog, story=story)
    kiosk = demo_case(catalog, story=story)
    kiosk.case_number = ""  # a kiosk registration never numbered at a window
    built = 0
    for c in (case, kiosk):
        for doc, (_builder, check) in DOCS.items():
            if check(c) is not None:
                continue
            d = build(doc, c, catalog, today=LATER)
            assert render(d, "pdf").startswith(b"%PDF"), (story, doc)
            assert d.case_number, (story, doc)
            built += 1
    assert built >= 4
