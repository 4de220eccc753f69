"""Locked packages published only as source (pure Python, e.g. tyme4py): the release builds
install everything else as the wheels the lock pins, and build these into wheels here.

Both builds take binaries only (`--only-binary=:all:`), so a lock line with nothing but an
sdist hash would stop them; this module splits the lock and makes the wheel, the sdist's
hash still checked by pip (`--require-hashes`).
"""

from __future__ import annotations

import pathlib
import subprocess
import sys

# packages of the lock that publish no wheel: built here from their checked sdist
SDIST_ONLY = ("tyme4py",)


def _entries(lock: pathlib.Path) -> list[tuple[str, list[str]]]:
    """(name, the lines of its entry) for each requirement of a pip lock file."""
    out: list[tuple[str, list[str]]] = []
    for line in lock.read_text("utf-8").splitlines():
        if line and line[0].isalpha():
            out.append((line.split("==")[0].strip().lower(), [line]))
        elif out and line.startswith(" "):
            out[-1][1].append(line)
    return out


def split(lock: pathlib.Path, work: pathlib.Path) -> tuple[pathlib.Path, pathlib.Path | None]:
    """The lock without the source-only packages, and a lock of just those (None: none)."""
    work.mkdir(parents=True, exist_ok=True)
    binary, source = [], []
    for name, lines in _entries(lock):
        (source if name in SDIST_ONLY else binary).extend(
            line for line in lines if not line.lstrip().startswith("#"))
    rest = work / f"binary-{lock.name}"
    rest.write_text("\n".join(binary) + "\n", "utf-8")
    if not source:
        return rest, None
    only = work / f"source-{lock.name}"
    only.write_text("\n".join(source) + "\n", "utf-8")
    return rest, only


def build_wheels(source_lock: pathlib.Path, out: pathlib.Path) -> list[pathlib.Path]:
    """Pure-Python wheels (py3-none-any) of the source-only packages, into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    before = set(out.glob("*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                    "--require-hashes", "--no-binary", ",".join(SDIST_ONLY),
                    "-r", str(source_lock), "-w", str(out)], check=True)
    made = sorted(set(out.glob("*.whl")) - before) or sorted(
        w for w in out.glob("*.whl") if w.name.split("-")[0].lower() in SDIST_ONLY)
    for w in made:
        if not w.name.endswith("-py3-none-any.whl"):
            raise SystemExit(f"{w.name}: a source-only package must be pure Python")
    return made
