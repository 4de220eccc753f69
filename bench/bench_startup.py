"""Cold start of the counter and the kiosk to a usable window (goal < 0.5 s, < 150 MiB).

Each run is a fresh process (`python -m desktop.cli counter|kiosk`) on a prepared data
folder (catalog already in the replica, as on a terminal in service), with
YICHUANG_EXIT_WHEN_READY=1: the app prints ``READY <unix time> <peak RSS KiB>`` once the
window is usable — the counter's login with its staff list read and the button enabled,
the kiosk's start page on screen — and quits. We time from just before the process is
spawned to that line and report median and p95 over the runs, with the peak RSS.

Python runs as on a terminal: with its bytecode cache (an installed program has one;
the shell here may say PYTHONDONTWRITEBYTECODE, which would compile every module of
ours at every start). The cache is kept outside the tree (PYTHONPYCACHEPREFIX). The
first run fills it and warms the OS file cache; it is not counted (--cold-too counts it).

    python -m bench.bench_startup [--runs 10] [--face counter|kiosk|both] [--importtime 15]

`--importtime N` runs each face once more under `python -X importtime` and lists the N
top-level imports that cost most (cumulative, the process's whole life: what the window
waited for, plus what loaded in the moment between READY and the exit).
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

from bench.report import bench_line, met

GOAL_S = 0.5
GOAL_MIB = 150
ROOT = pathlib.Path(__file__).resolve().parent.parent
PYCACHE = pathlib.Path(tempfile.gettempdir()) / "yc-bench-pycache"


def prepare(data_dir: pathlib.Path, face: str) -> None:
    """A terminal in service: the replica exists and holds the catalog; a kiosk PC is
    marked as one, and runs windowed (full screen would lock the test desktop)."""
    sys.path.insert(0, str(ROOT))
    from sync.demo_data import ensure_catalog
    from sync.replica import Replica

    with Replica.in_dir(data_dir) as replica:
        replica.identity()
        ensure_catalog(replica)
    if face == "kiosk":
        from desktop.kiosk import config

        config.save(data_dir, kiosk_mode=True, full_screen=False)


def _start(data_dir: pathlib.Path, face: str, *python_flags: str
           ) -> subprocess.CompletedProcess:
    """`yichuang <face>` in a fresh process, told to exit once usable."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(YICHUANG_EXIT_WHEN_READY="1", PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run(
        [sys.executable, *python_flags, "-m", "desktop.cli", "--data-dir", str(data_dir),
         face], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def one_run(data_dir: pathlib.Path, face: str) -> tuple[float, float]:
    """(seconds to READY, peak RSS in MiB) of one fresh process."""
    start = time.time()
    proc = _start(data_dir, face)
    ready = [line.split() for line in proc.stdout.splitlines() if line.startswith("READY ")]
    if proc.returncode != 0 or not ready:
        raise RuntimeError(f"{face} did not start: rc={proc.returncode}\n{proc.stderr[-2000:]}")
    rss = int(ready[-1][2]) / 1024 if len(ready[-1]) > 2 else 0.0
    return float(ready[-1][1]) - start, rss


def top_imports(data_dir: pathlib.Path, face: str, n: int) -> tuple[float, list[tuple[int, str]]]:
    """(ms of all imports, the n costliest top-level imports as (µs, module)) of one
    start under `-X importtime`."""
    proc = _start(data_dir, face, "-X", "importtime")
    top: list[tuple[int, str]] = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self, cumulative, name = line[len("import time:"):].split("|", 2)
        if not name.startswith("  "):  # depth 0: what the program itself asked for
            top.append((int(cumulative), name.strip()))
    top.sort(reverse=True)
    return sum(us for us, _ in top) / 1000, top[:n]


def measure(face: str, runs: int, cold_too: bool, importtime: int = 0) -> dict:
    with tempfile.TemporaryDirectory(prefix="yc-bench-start-") as tmp:
        data_dir = pathlib.Path(tmp)
        prepare(data_dir, face)
        first = one_run(data_dir, face)
        got = ([first] if cold_too else []) + [one_run(data_dir, face) for _ in range(runs)]
        imports = top_imports(data_dir, face, importtime) if importtime else None
    times = sorted(t for t, _ in got)
    rss = max(r for _, r in got)
    median = statistics.median(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"face": face, "runs": len(times), "first_s": round(first[0], 3),
            "median_s": round(median, 3), "p95_s": round(p95, 3),
            "max_s": round(times[-1], 3), "peak_rss_mib": round(rss, 1),
            "ok": median < GOAL_S and rss < GOAL_MIB, "imports": imports}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--face", choices=("counter", "kiosk", "both"), default="both")
    parser.add_argument("--cold-too", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--importtime", type=int, default=0, metavar="N",
                        help="list the N costliest imports (python -X importtime)")
    args = parser.parse_args(argv)
    faces = ("counter", "kiosk") if args.face == "both" else (args.face,)
    results = [measure(face, args.runs, args.cold_too, args.importtime) for face in faces]
    if args.json:
        print(json.dumps(results))
    for r in results:
        if r["imports"]:
            total_ms, top = r["imports"]
            print(f"{r['face']}: imports {total_ms:.0f} ms in all (-X importtime, one run); "
                  f"the costliest top-level ones:")
            for us, name in top:
                print(f"  {us / 1000:7.1f} ms  {name}")
        print(f"{r['face']} cold start to a usable window: median {r['median_s'] * 1000:.0f} ms, "
              f"p95 {r['p95_s'] * 1000:.0f} ms, first {r['first_s'] * 1000:.0f} ms over "
              f"{r['runs']} runs; peak RSS {r['peak_rss_mib']:.0f} MiB "
              f"(goal < {GOAL_S * 1000:.0f} ms, < {GOAL_MIB} MiB) -> {met(r['ok'])}")
        bench_line(f"{r['face']} cold start to a usable window",
                   f"< {GOAL_S * 1000:.0f} ms, < {GOAL_MIB} MiB",
                   f"median {r['median_s'] * 1000:.0f} ms (p95 {r['p95_s'] * 1000:.0f}), "
                   f"{r['peak_rss_mib']:.0f} MiB")
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
