"""`make bench`: run every benchmark in turn, then one table of all their figures.

Each benchmark is a module with a `main(argv)`; a missing one is reported, not fatal,
so a partial checkout still measures what it has. Beside its own detail, a benchmark
prints one summary line per figure (bench/report.py, bench/README.md):

    BENCH <name> | <goal> | <figure> | <ratio to the peer or to the goal>

run_all copies every line a benchmark prints to the terminal as it comes and keeps the
summary lines; the last thing `make bench` prints is the table of them, with the load
average (the machine may be shared: the figures say so). A benchmark that printed no
summary line still gets a row, saying so.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import sys
import time

from bench import report

BENCHMARKS = (
    "bench.bench_lookup",
    "bench.bench_counter_scan",
    "bench.bench_startup",
    "bench.bench_printing",
    "bench.bench_kiosk",
    "bench.bench_sync",
    "bench.bench_node",
    "bench.bench_server",
    "bench.bench_request_cost",
    "bench.bench_snapshot",
    "bench.bench_replica_size",
    "bench.bench_reference",
    "bench.bench_figures",
    "bench.bench_call",
    "bench.bench_login_storm",
)


class _Tee(io.TextIOBase):
    """Writes through to the terminal and keeps the summary lines."""

    def __init__(self, out: io.TextIOBase) -> None:
        self.out, self.lines, self._part = out, [], ""

    def write(self, s: str) -> int:
        self.out.write(s)
        self._part += s
        *done, self._part = self._part.split("\n")
        self.lines += [x for x in done if x.startswith(report.PREFIX)]
        return len(s)

    def flush(self) -> None:
        self.out.flush()


def table(rows: list[tuple[str, str, str, str]]) -> str:
    """The summary as a plain-text table (widths by the longest cell)."""
    head = ("benchmark", "goal", "figure", "ratio")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(4)]
    line = " | ".join(f"{{:<{w}}}" for w in widths)
    out = [line.format(*head), "-+-".join("-" * w for w in widths)]
    out += [line.format(*r) for r in rows]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv else None) or sys.argv[1:] or list(BENCHMARKS)
    failed, rows = [], []
    load0 = os.getloadavg()[0]
    for name in names:
        print(f"\n=== {name}", flush=True)
        t0 = time.perf_counter()
        tee = _Tee(sys.stdout)
        try:
            with contextlib.redirect_stdout(tee):
                module = importlib.import_module(name)
                rc = module.main([]) or 0
        except ModuleNotFoundError as exc:
            print(f"(not available: {exc})")
            rows.append((name, "", f"not available ({exc.name})", ""))
            continue
        except Exception as exc:  # keep going: one broken benchmark hides no other
            print(f"FAILED: {exc!r}")
            failed.append(name)
            rows.append((name, "", f"FAILED: {type(exc).__name__}", ""))
            continue
        got = [p for p in map(report.parse_line, tee.lines) if p is not None]
        rows += got or [(name, "", "(no summary line)", "")]
        if rc:
            failed.append(name)
        print(f"--- {name}: {time.perf_counter() - t0:.1f} s")
    print(f"\n=== summary (load average {load0:.2f} at start, {os.getloadavg()[0]:.2f} "
          f"at the end, {os.cpu_count()} cores)")
    print(table(rows))
    if failed:
        print("failed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
