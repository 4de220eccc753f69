"""`make lock`: refresh the lock files the release builds and CI install from.

One command, three files under requirements/, each with every file's sha256 (pip then
installs with --require-hashes): what CI's virtualenv holds (dev, Linux), what the
Windows installer ships (the desk and the spooler printer extra, win_amd64, the Python of
the embeddable zip), and what the Debian package ships (desk + server + USB printers, the
Python it bundles). The resolver is uv's, because it resolves for another platform with
that platform's markers (colorama under click, pywin32) — pip cannot.

Linux files target manylinux_2_34: the Debian package's glibc floor is 2.35 anyway (its
bundled interpreter), and CI tests the Qt the package ships.

Each file starts with a digest of pyproject.toml's dependency tables; `--check` says
whether a file is stale (make venv warns; it does not fail someone else's build).
"""

from __future__ import annotations

import hashlib
import pathlib
import shutil
import subprocess
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "requirements"
WINDOWS_PYTHON = "3.12"
DEB_PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"

# file → (extras, target platform, Python version)
LOCKS: dict[str, tuple[tuple[str, ...], str, str]] = {
    "dev.txt": (("dev",), "x86_64-manylinux_2_34", "3.11"),
    "windows-desk.txt": (("windows",), "x86_64-pc-windows-msvc", WINDOWS_PYTHON),
    "deb-runtime.txt": (("server", "usb"), "x86_64-manylinux_2_34", DEB_PYTHON),
}


def deps_digest() -> str:
    """What the lock depends on: the dependency tables of pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    text = repr((project.get("dependencies"), project.get("optional-dependencies"),
                 project.get("requires-python")))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def header(name: str) -> str:
    extras, platform, python = LOCKS[name]
    return (f"# Locked by `make lock` (scripts/lock.py) for {platform}, Python {python}, "
            f"extras {','.join(extras)}.\n# pyproject-deps: {deps_digest()}\n")


def uv() -> str:
    here = pathlib.Path(sys.executable).parent / "uv"
    found = str(here) if here.exists() else shutil.which("uv")
    if not found:
        raise SystemExit("uv not found: pip install uv (it resolves for other platforms)")
    return found


def lock(name: str) -> pathlib.Path:
    extras, platform, python = LOCKS[name]
    target = OUT / name
    cmd = [uv(), "pip", "compile", str(ROOT / "pyproject.toml"), "--generate-hashes",
           "--no-header", "--quiet", "--python-platform", platform, "--python-version",
           python, "--no-emit-package", "yichuang", "--upgrade", "-o", str(target)]
    for extra in extras:
        cmd += ["--extra", extra]
    subprocess.run(cmd, check=True, cwd=ROOT)
    target.write_text(header(name) + target.read_text("utf-8"), "utf-8")
    return target


def stale() -> list[str]:
    """Lock files whose pyproject digest differs from today's (or that are missing)."""
    want = f"# pyproject-deps: {deps_digest()}"
    out = []
    for name in LOCKS:
        path = OUT / name
        if not path.exists() or want not in path.read_text("utf-8").splitlines()[:3]:
            out.append(name)
    return out


def main(argv: list[str]) -> int:
    if "--check" in argv:
        old = stale()
        for name in old:
            print(f"WARNING: requirements/{name} is older than pyproject.toml's "
                  "dependencies; run `make lock`", file=sys.stderr)
        return 1 if old else 0
    OUT.mkdir(exist_ok=True)
    for name in LOCKS:
        print(f"locked {lock(name).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
