"""Which paper after which step, and the per-case archive of PDFs (both Qt-free)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from desktop.printing import archive
from desktop.printing.papers import ISSUED_BY_MAIL, applicable, papers_after, step_of
from domain import events as ev
from domain.catalog import catalog_from_dict
from printing.demo import demo_case
from resources import path as res


@pytest.fixture(scope="module")
def catalog():
    return catalog_from_dict(json.loads(res("catalog", "demo.json").read_text("utf-8")))


def test_the_table_names_the_papers_of_each_step():
    assert papers_after(ev.ACCEPTED) == ["acceptance-notice", "acceptance-receipt",
                                         "materials-receipt", "tolerance-promise"]
    assert papers_after(ev.SUPPLEMENT_REQUESTED) == ["supplement-notice"]
    assert papers_after(ev.REFUSED) == ["refusal-notice"]
    assert papers_after(ev.RESULT_READY) == ["pickup-slip"]
    assert papers_after(ev.ISSUED) == ["completion-notice"]
    assert papers_after(ISSUED_BY_MAIL) == ["mailing-sheet", "completion-notice"]
    assert papers_after(ev.REJECTED) == ["decision-refusal"]
    assert papers_after(ev.EXTENDED) == ["extension-notice"]
    assert papers_after(ev.CLOCK_PAUSED) == papers_after(ev.CLOCK_RESUMED) == ["pause-notice"]
    assert papers_after(ev.RATED) == [] and papers_after(ev.SUBMITTED_FOR_REVIEW) == []


@pytest.mark.parametrize(("story", "step", "docs"), [
    ("accepted", ev.ACCEPTED, ["acceptance-notice", "acceptance-receipt", "materials-receipt"]),
    ("supplement", ev.SUPPLEMENT_REQUESTED, ["supplement-notice"]),
    ("refused", ev.REFUSED, ["refusal-notice"]),
    ("ready", ev.RESULT_READY, ["pickup-slip"]),
    ("issued", ev.ISSUED, ["completion-notice"]),
    ("mailed", ISSUED_BY_MAIL, ["mailing-sheet", "completion-notice"]),
    ("rejected", ev.REJECTED, ["decision-refusal"]),
    ("extended", ev.EXTENDED, ["extension-notice"]),
    ("paused", ev.CLOCK_PAUSED, ["pause-notice"]),
    ("resumed", ev.CLOCK_RESUMED, ["pause-notice"]),
    ("tolerance", ev.ACCEPTED, ["acceptance-notice", "acceptance-receipt", "materials-receipt",
                                "tolerance-promise"]),
])
def test_the_step_of_a_written_case_and_its_papers(catalog, story, step, docs):
    case = demo_case(catalog, story=story)
    assert step_of(case) == step
    assert papers_after(step_of(case), case) == docs


def test_supplement_received_gives_acceptance_papers_only_when_it_accepted(catalog):
    case = demo_case(catalog, story="supplement")
    last = dataclasses.replace(case.history[-1], kind=ev.SUPPLEMENT_RECEIVED)
    accepted_now = dataclasses.replace(case, history=[*case.history[:-1], last],
                                       accepted_at=last.recorded_at, state="accepted")
    assert "acceptance-notice" in papers_after(ev.SUPPLEMENT_RECEIVED, accepted_now)
    earlier = dataclasses.replace(accepted_now, accepted_at=case.history[0].recorded_at)
    assert papers_after(ev.SUPPLEMENT_RECEIVED, earlier) == []


def test_the_print_menu_offers_only_papers_that_fit_the_state(catalog):
    refused = applicable(demo_case(catalog, story="refused"))
    assert "refusal-notice" in refused and "acceptance-notice" not in refused
    accepted = applicable(demo_case(catalog, story="accepted"))
    assert "acceptance-notice" in accepted and "refusal-notice" not in accepted
    assert "pickup-slip" not in accepted


def test_archive_keeps_every_paper_and_lists_newest_first(tmp_path):
    pdf = b"%PDF-1.4 test"
    t = dt.datetime(2025, 3, 14, 9, 41, 5)
    first = archive.save(tmp_path, "1250314000100073", "acceptance-notice", pdf, t)
    again = archive.save(tmp_path, "1250314000100073", "acceptance-notice", pdf, t)
    later = archive.save(tmp_path, "1250314000100073", "pickup-slip", pdf,
                         t + dt.timedelta(days=3))
    before_number = archive.save(tmp_path, "0192f0c2-case-id", "slip", pdf,
                                 t - dt.timedelta(hours=1))
    assert first.path != again.path  # never overwritten
    assert first.path == tmp_path / "documents" / "1250314000100073" / \
        "acceptance-notice-20250314-094105.pdf"
    listed = archive.papers_of(tmp_path, "1250314000100073", "0192f0c2-case-id")
    assert [p.path for p in listed] == [later.path, again.path, first.path, before_number.path]
    assert [p.doc for p in listed] == ["pickup-slip", "acceptance-notice", "acceptance-notice",
                                       "slip"]
    assert archive.read(listed[0]) == pdf
    assert not list(tmp_path.rglob("*.part"))


def test_archive_refuses_what_is_not_a_pdf_and_odd_keys_stay_in_their_folder(tmp_path):
    with pytest.raises(ValueError):
        archive.save(tmp_path, "1", "slip", b"hello", dt.datetime(2025, 1, 1))
    assert archive.case_key("", "../../etc") == "______etc"
    assert archive.folder(tmp_path, "../x").parent == tmp_path / "documents"
