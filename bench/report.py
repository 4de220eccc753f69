"""What every benchmark shares for its report: the summary line `make bench` collects,
the CPU time of process trees, and quantiles from a Prometheus histogram.

A benchmark prints, beside its own detail, one line per figure:

    BENCH <name> | <goal> | <figure> | <ratio to the peer, or empty>

bench/run_all.py gathers these lines from every benchmark it runs and ends with them as
one table (bench/README.md).
"""

from __future__ import annotations

import os
import pathlib
import re

PREFIX = "BENCH "


def bench_line(name: str, goal: str, figure: str, ratio: str = "") -> str:
    """Print (and return) a summary line; `|` inside a field would split it, so not."""
    fields = [str(x).replace("|", "/").strip() for x in (name, goal, figure, ratio)]
    line = PREFIX + " | ".join(fields)
    print(line, flush=True)
    return line


def parse_line(line: str) -> tuple[str, str, str, str] | None:
    """(name, goal, figure, ratio) of a summary line, or None for any other line."""
    if not line.startswith(PREFIX):
        return None
    parts = [p.strip() for p in line[len(PREFIX):].split("|")]
    if len(parts) < 3:
        return None
    parts += [""] * (4 - len(parts))
    return parts[0], parts[1], parts[2], parts[3]


def met(ok: bool) -> str:
    """The word after a figure: within its goal or not."""
    return "met" if ok else "MISSED"


# --- CPU of process trees (Linux /proc) ----------------------------------------------------

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds used) of a live process."""
    try:
        raw = pathlib.Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    rest = raw[raw.rindex(")") + 2:].split()
    return int(rest[1]), (int(rest[11]) + int(rest[12])) / _TICK


def tree_cpu(root: int) -> float:
    """CPU seconds used so far by `root` and every live descendant."""
    parents: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    for entry in pathlib.Path("/proc").iterdir():
        if entry.name.isdigit():
            got = _stat(int(entry.name))
            if got is not None:
                parents.setdefault(got[0], []).append(int(entry.name))
                cpu[int(entry.name)] = got[1]
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += cpu.get(pid, 0.0)
        todo += parents.get(pid, [])
    return total


# --- Prometheus histograms ---------------------------------------------------------------

_BUCKET = re.compile(r'^(\w+)_bucket\{(.*)\} ([0-9.e+-]+)$')


def buckets(text: str, metric: str, **labels: str) -> dict[float, float]:
    """Cumulative bucket counts (upper bound → count) of one series in a scrape."""
    out: dict[float, float] = {}
    for line in text.splitlines():
        m = _BUCKET.match(line)
        if not m or m.group(1) != metric:
            continue
        got = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2)))
        if any(got.get(k) != v for k, v in labels.items()):
            continue
        le = float("inf") if got["le"] == "+Inf" else float(got["le"])
        out[le] = out.get(le, 0.0) + float(m.group(3))
    return out


def quantile(before: dict[float, float], after: dict[float, float], q: float) -> float:
    """The q-quantile (seconds) of what was observed between two scrapes, interpolated
    within its bucket as Prometheus' histogram_quantile does; NaN when nothing was."""
    bounds = sorted(after)
    counts = [after[b] - before.get(b, 0.0) for b in bounds]
    if not counts or counts[-1] <= 0:
        return float("nan")
    rank, prev_bound, prev_count = q * counts[-1], 0.0, 0.0
    for b, c in zip(bounds, counts, strict=True):
        if c >= rank:
            if b == float("inf"):
                return prev_bound
            return prev_bound + (b - prev_bound) * (rank - prev_count) / max(c - prev_count, 1e-9)
        prev_bound, prev_count = b, c
    return bounds[-2] if len(bounds) > 1 else float("nan")
