"""How long each paper takes to build and render: `python -m bench.bench_printing`.

Budgets (ARCHITECTURE.md style: measured here, not asserted in unit tests): a slip
< 100 ms, an A4 notice < 300 ms, build + render together, fonts already loaded (the
app loads them once at start-up; the first call pays ~0.3 s extra and is reported
separately).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time

from bench.report import bench_line, met
from domain.catalog import catalog_from_dict
from printing.demo import DOC_STORY, demo_case
from printing.documents import RECEIPT_DOCS, build, to_escpos, to_pdf
from resources import path as res

TODAY = dt.date(2025, 3, 14)
BUDGET_MS = {"receipt": 100.0, "A4": 300.0}


def _ms(f) -> float:
    t = time.perf_counter()
    f()
    return (time.perf_counter() - t) * 1000


def _p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, round(0.95 * len(xs)) - 1)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("-n", type=int, default=30, help="runs per document")
    args = ap.parse_args(argv)
    catalog = catalog_from_dict(json.loads(res("catalog", "demo.json").read_text("utf-8")))
    first = _ms(lambda: to_pdf(build("slip", demo_case(catalog, story="registered"),
                                      catalog, today=TODAY)))
    print(f"first call (fonts load): {first:.0f} ms\n")
    print(f"{'document':<28}{'build p50':>10}{'render':>8}{'p50':>8}{'p95':>8}"
          f"{'budget':>8}  ok")
    failed = 0
    worst: dict[str, tuple[float, str]] = {}
    for doc, story in DOC_STORY.items():
        for long_list in (False, True):
            case = demo_case(catalog, story=story, long_list=long_list)
            receipt = doc in RECEIPT_DOCS
            render = to_escpos if receipt else to_pdf
            builds, totals = [], []
            for _ in range(args.n):
                t0 = time.perf_counter()
                d = build(doc, case, catalog, today=TODAY, staff="1001")
                t1 = time.perf_counter()
                render(d)
                t2 = time.perf_counter()
                builds.append((t1 - t0) * 1000)
                totals.append((t2 - t0) * 1000)
            budget = BUDGET_MS["receipt" if receipt else "A4"]
            p95 = _p95(totals)
            ok = p95 < budget
            failed += not ok
            name = f"{doc}{' (long)' if long_list else ''}"
            kind = "receipt" if receipt else "A4"
            worst[kind] = max(worst.get(kind, (0.0, "")), (p95, name))
            print(f"{name:<28}{statistics.median(builds):>10.1f}"
                  f"{'escpos' if receipt else 'pdf':>8}{statistics.median(totals):>8.1f}"
                  f"{p95:>8.1f}{budget:>8.0f}  {'yes' if ok else 'NO'}")
    for kind, (p95, name) in worst.items():
        budget = BUDGET_MS[kind]
        bench_line(f"printing: slowest {kind} paper build + render, p95 ({name})",
                   f"< {budget:.0f} ms", f"{p95:.1f} ms {met(p95 < budget)}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
