"""`make bench`: run every benchmark in turn and print their figures.

Each benchmark is a module with a `main(argv)`; a missing one is reported, not fatal,
so a partial checkout still measures what it has.
"""

from __future__ import annotations

import importlib
import sys
import time

BENCHMARKS = (
    "bench.bench_lookup",
    "bench.bench_startup",
    "bench.bench_printing",
    "bench.bench_kiosk",
    "bench.bench_sync",
    "bench.bench_node",
    "bench.bench_server",
    "bench.bench_reference",
    "bench.bench_figures",
    "bench.bench_call",
    "bench.bench_login_storm",
)


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv else None) or sys.argv[1:] or list(BENCHMARKS)
    failed = []
    for name in names:
        print(f"\n=== {name}", flush=True)
        t0 = time.perf_counter()
        try:
            module = importlib.import_module(name)
            rc = module.main([]) or 0
        except ModuleNotFoundError as exc:
            print(f"(not available: {exc})")
            continue
        except Exception as exc:  # keep going: one broken benchmark hides no other
            print(f"FAILED: {exc!r}")
            failed.append(name)
            continue
        if rc:
            failed.append(name)
        print(f"--- {name}: {time.perf_counter() - t0:.1f} s")
    if failed:
        print("failed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
