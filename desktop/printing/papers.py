"""Which paper after which step: the one table, and which papers a case can have now.

The counter does not decide what to print; it asks `papers_after(step, case)` after a
step is stored and offers what comes back (preview first, print all with one key).
Keeping the table here, in one place, means a hall that wants another paper after a
step changes one line, and the kiosk or a report can ask the same question.

Qt-free: used on worker threads and in plain tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from domain import events as ev
from domain.case import Case
from printing.documents import DOCS, RECEIPT_DOCS

ISSUED_BY_MAIL = "issued:mail"
"""Pseudo-step: the result was issued by post (the envelope needs its mailing sheet)."""

# the 容缺受理承诺书 only where the case was accepted on a promise (applicability filters)
ACCEPTANCE = ("acceptance-notice", "acceptance-receipt", "materials-receipt",
              "tolerance-promise")

PAPERS_AFTER: Mapping[str, tuple[str, ...]] = {
    ev.ACCEPTED: ACCEPTANCE,
    ev.SUPPLEMENT_RECEIVED: ACCEPTANCE,  # only when that step accepted the case, see below
    ev.SUPPLEMENT_REQUESTED: ("supplement-notice",),
    ev.REFUSED: ("refusal-notice",),
    ev.RESULT_READY: ("pickup-slip",),
    ev.ISSUED: ("completion-notice",),
    ISSUED_BY_MAIL: ("mailing-sheet", "completion-notice"),
    # the back office's decisions, each told in writing (行政许可法 art. 38, 42, 45)
    ev.REJECTED: ("decision-refusal",),
    ev.EXTENDED: ("extension-notice",),
    ev.CLOCK_PAUSED: ("pause-notice",),
    ev.CLOCK_RESUMED: ("pause-notice",),
}
"""step (event kind) → papers offered, in the order they are handed over."""


def step_of(case: Case) -> str:
    """The step a just-written case was last changed by, as `PAPERS_AFTER` names it."""
    if not case.history:
        return ""
    kind = case.history[-1].kind
    if kind == ev.ISSUED and case.delivery.get("method") == "mail":
        return ISSUED_BY_MAIL
    return kind


def papers_after(step: str, case: Case | None = None) -> list[str]:
    """The papers to offer after `step`; with `case`, only those that fit it now.

    Receiving missing materials only earns the acceptance papers when that step is
    what accepted the case (a case accepted earlier got them then).
    """
    docs = list(PAPERS_AFTER.get(step, ()))
    if case is None:
        return docs
    if step == ev.SUPPLEMENT_RECEIVED:
        last = case.history[-1].recorded_at if case.history else None
        if not case.accepted_at or case.accepted_at != last:
            return []
    return [d for d in docs if why_not(d, case) is None]


def why_not(doc: str, case: Case) -> str | None:
    """None when `doc` can be printed for `case`, else why not (in Chinese).

    The same check `printing.documents.build` raises DocumentNotApplicable from, asked
    without building: the print menu asks it for every paper each time a case is shown.
    """
    entry = DOCS.get(doc)
    if entry is None:
        return "未知的文书"
    return entry[1](case)


def applicable(case: Case, docs: Iterable[str] = DOCS) -> list[str]:
    """Every paper that fits the case's state now, in the catalogue's order."""
    return [d for d in docs if why_not(d, case) is None]


def is_receipt(doc: str) -> bool:
    """Receipts go to the receipt printer; everything else is A4/A5 through Qt."""
    return doc in RECEIPT_DOCS
