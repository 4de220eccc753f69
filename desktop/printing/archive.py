"""Every paper handed out, kept as a PDF beside its case.

Layout: ``<data_dir>/documents/<case number, else case id>/<doc>-<YYYYmmdd-HHMMSS>.pdf``.

Why files and not rows in the replica: a paper is a rendering of events the replica
already holds, not a fact of its own, so it needs no sync, no migration and no place in
the outbox; the replica stays small enough for a million cases; a clerk or an auditor
can open, copy or e-mail a file without the app; a backup of the data folder carries
the papers with it; and a full disk that fails a PDF write never rolls back the step
the citizen came for. The file name alone says which paper and when, so listing a case
needs no index.

Qt-free on purpose: called on a worker thread and from plain tests.
"""

from __future__ import annotations

import datetime as dt
import logging
import pathlib
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

FOLDER = "documents"
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<doc>[a-z][a-z0-9-]*?)-(?P<when>\d{8}-\d{6})(?:-(?P<n>\d+))?\.pdf$")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


@dataclass(frozen=True)
class Paper:
    """One kept PDF: which paper, of which case, printed (or saved) when."""

    doc: str
    case_key: str
    printed_at: dt.datetime
    path: pathlib.Path


def case_key(case_number: str, case_id: str) -> str:
    """The folder name of a case: its number (what a clerk searches for), else its id.

    A case registered at the kiosk has no number until it is accepted; papers printed
    before stay under its id, and `list_papers` looks in both folders.
    """
    key = _UNSAFE.sub("_", case_number or case_id)
    if not key.strip("_"):
        raise ValueError("a case needs a number or an id to keep its papers")
    return key


def folder(data_dir: pathlib.Path | str, key: str) -> pathlib.Path:
    """Where the papers of one case live (not created until one is saved)."""
    return pathlib.Path(data_dir) / FOLDER / _UNSAFE.sub("_", key)


def save(data_dir: pathlib.Path | str, key: str, doc: str, pdf: bytes,
         when: dt.datetime) -> Paper:
    """Write the PDF under a new name; never overwrites an earlier paper.

    Written to a temporary name and renamed, so a power cut leaves either the whole
    file or none: a half PDF in the list would be worse than a missing one.
    """
    if not pdf.startswith(b"%PDF"):
        raise ValueError("not a PDF")
    target_dir = folder(data_dir, key)
    target_dir.mkdir(parents=True, exist_ok=True)
    stem = f"{doc}-{when.strftime(STAMP)}"
    path = target_dir / f"{stem}.pdf"
    n = 1
    while path.exists():  # two papers of the same kind within one second
        n += 1
        path = target_dir / f"{stem}-{n}.pdf"
    tmp = path.with_suffix(".part")
    tmp.write_bytes(pdf)
    tmp.replace(path)
    log.info("kept %s for case %s", path.name, key)
    return Paper(doc, key, when.replace(tzinfo=None), path)


def parse(path: pathlib.Path) -> Paper | None:
    """The Paper a file name describes; None for anything else in the folder."""
    m = _NAME.match(path.name)
    if m is None:
        return None
    when = dt.datetime.strptime(m["when"], STAMP)
    return Paper(m["doc"], path.parent.name, when, path)


def list_papers(data_dir: pathlib.Path | str, *keys: str) -> list[Paper]:
    """The case's papers, newest first, from every folder it was kept under."""
    found: dict[pathlib.Path, Paper] = {}
    for key in dict.fromkeys(k for k in keys if k):
        d = folder(data_dir, key)
        if not d.is_dir():
            continue
        for path in d.glob("*.pdf"):
            paper = parse(path)
            if paper is not None:
                found[path] = paper
    # "-2" is the second paper of that second: longer names are later
    return sorted(found.values(), key=lambda p: (p.printed_at, len(p.path.name), p.path.name),
                  reverse=True)


def papers_of(data_dir: pathlib.Path | str, case_number: str, case_id: str) -> list[Paper]:
    """`list_papers` for a case as the replica knows it (number and id)."""
    return list_papers(data_dir, case_key(case_number, case_id), case_key("", case_id))


def read(paper: Paper) -> bytes:
    """The kept bytes, exactly as they were handed out."""
    return paper.path.read_bytes()
