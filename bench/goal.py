"""One line per figure for `make bench`'s closing table.

Every benchmark prints its figures beside their goals in its own words, and once more
as ``BENCH <name> | <goal> | <figure> | <ratio to the peer, or ->`` so the run's
summary can collect them without knowing each benchmark's layout.
"""

from __future__ import annotations


def bench_line(name: str, goal: str, figure: str, ratio: str = "-") -> str:
    """The summary line (also printed); `|` inside a field would split it, so it goes."""
    fields = [str(x).replace("|", "/").strip() or "-" for x in (name, goal, figure, ratio)]
    line = "BENCH " + " | ".join(fields)
    print(line, flush=True)
    return line


def met(ok: bool) -> str:
    """The word after a figure: within its goal or not."""
    return "met" if ok else "MISSED"
