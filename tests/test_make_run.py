"""Issue 15.7: `make run` on a fresh machine says what it does and fails in one clear line.

It used to warn "could not install … tests that need them will say so" when apt's lock
was held, install the test tools to run the demo, and die 158 s later on
`xvfb-run: No such file or directory`. The system tools it calls (dpkg, apt-get, id)
are stand-ins on PATH here: a test must not install Debian packages on the machine.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import time

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
TOOLS = ("sh", "env", "make", "uname", "grep", "mktemp", "rm", "tail", "sleep", "touch",
         "test", "cat", "echo", "true", "false", "dirname")

FAKE_DPKG = """#!/bin/sh
# "installed" = listed in $FAKE_INSTALLED
[ "$1" = -s ] || exit 2
case " $FAKE_INSTALLED " in *" $2 "*) exit 0 ;; esac
exit 1
"""
FAKE_APT = """#!/bin/sh
echo "$@" >> "$FAKE_LOG"
count=$(cat "$FAKE_STATE" 2>/dev/null || echo 0)
echo $((count + 1)) > "$FAKE_STATE"
if [ "$1" = update ] && [ "$count" -lt "${FAKE_LOCKED_TIMES:-0}" ]; then
  echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)" >&2
  exit 100
fi
if [ -n "${FAKE_FAIL:-}" ] && [ "$1" != update ]; then
  echo "E: Unable to locate package $FAKE_FAIL" >&2
  exit 100
fi
exit 0
"""


@pytest.fixture
def fakebin(tmp_path) -> pathlib.Path:
    """A PATH with the few real tools make needs, stand-ins for the system's, no Xvfb."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in TOOLS:
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    for name, text in (("dpkg", FAKE_DPKG), ("apt-get", FAKE_APT), ("id", "#!/bin/sh\necho 0\n")):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    return bin_dir


def run(cmd: list[str], fakebin: pathlib.Path, tmp_path: pathlib.Path, **env: str):
    base = {"PATH": str(fakebin), "HOME": str(tmp_path), "FAKE_LOG": str(tmp_path / "apt.log"),
            "FAKE_STATE": str(tmp_path / "apt.state"), "APT_LOCK_POLL": "1"}
    started = time.monotonic()
    out = subprocess.run(cmd, cwd=ROOT, env={**base, **env}, capture_output=True, text=True,
                         timeout=120)
    return out, time.monotonic() - started


def test_it_waits_for_apts_lock_and_says_so(fakebin, tmp_path):
    out, _ = run(["sh", "scripts/debs.sh", "required", "make run", "xvfb", "xauth"],
                 fakebin, tmp_path, FAKE_LOCKED_TIMES="2", APT_LOCK_WAIT="30")
    assert out.returncode == 0, out.stderr
    assert "make run: installing Debian packages: xvfb xauth" in out.stdout
    assert "waiting for it" in out.stdout
    assert "installed xvfb xauth" in out.stdout
    calls = (tmp_path / "apt.log").read_text().splitlines()
    assert [c.split()[0] for c in calls] == ["update", "update", "update", "install"]
    assert "DPkg::Lock::Timeout=30" in calls[-1]


def test_a_package_that_cannot_be_installed_ends_make_run_in_one_line(fakebin, tmp_path):
    out, _ = run(["sh", "scripts/debs.sh", "required", "make run", "xvfb"], fakebin, tmp_path,
                 FAKE_FAIL="xvfb")
    assert out.returncode == 1
    [line] = out.stderr.strip().splitlines()
    assert line.startswith("ERROR: make run needs the Debian packages xvfb")
    assert "Unable to locate package xvfb" in line
    assert "tests" not in line


def test_the_tests_only_warn(fakebin, tmp_path):
    out, _ = run(["sh", "scripts/debs.sh", "optional", "make test", "zbar-tools"], fakebin,
                 tmp_path, FAKE_FAIL="zbar-tools")
    assert out.returncode == 0
    assert "WARNING" in out.stderr and "tests that need them" in out.stderr


def test_nothing_to_do_when_everything_is_there(fakebin, tmp_path):
    out, _ = run(["sh", "scripts/debs.sh", "required", "make run", "xvfb"], fakebin, tmp_path,
                 FAKE_INSTALLED="xvfb")
    assert out.returncode == 0 and out.stdout == "" and not (tmp_path / "apt.log").exists()


def fake_venv(tmp_path: pathlib.Path) -> pathlib.Path:
    """A virtualenv already set up (both stamps newer than pyproject.toml); its python
    only answers the translation build, which is all make runs before the display check."""
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").write_text("#!/bin/sh\nexit 0\n")
    (venv / "bin" / "python").chmod(0o755)
    for stamp in (".installed", ".installed-run"):
        (venv / stamp).touch()
    return venv


def test_no_display_and_no_xvfb_fails_at_once_in_one_line(fakebin, tmp_path):
    venv = fake_venv(tmp_path)
    out, took = run(["make", "-s", "run", f"VENV={venv}", "DEB_RUN_PKGS="], fakebin, tmp_path)
    assert out.returncode != 0
    errors = [li for li in out.stderr.splitlines() if li.strip() and "make:" not in li]
    assert errors and errors[-1].startswith("ERROR: make run found no display")
    assert "No such file" not in out.stderr and "not found" not in out.stderr
    assert took < 60


def test_make_run_installs_the_application_not_the_test_tools(tmp_path):
    out = subprocess.run(["make", "-n", "run", f"VENV={tmp_path / 'new-venv'}"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60,
                         env={**os.environ, "DISPLAY": ":99"})
    installs = [li for li in out.stdout.splitlines() if "pip install" in li and "-e" in li]
    assert installs, out.stdout
    assert all("[dev]" not in li for li in installs)
    assert "setting up" in out.stdout
