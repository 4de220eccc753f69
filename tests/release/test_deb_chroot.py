"""The .deb in a clean Debian 12 (bookworm) chroot: the oldest base its glibc floor allows.

`make deb` builds the package and runs this with YICHUANG_DEB set. A minimal bookworm is
made once with debootstrap and kept as a tarball; every run unpacks a fresh copy, then:
`apt install ./yichuang_….deb` (dependencies from Debian's archive), `yichuang --version`,
`yichuang demo --screenshot DIR` offscreen as an ordinary user, `apt remove`, `apt purge`,
and a look at what is left: only data.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import tarfile

import pytest

from domain.version import VERSION

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEB = os.environ.get("YICHUANG_DEB")
SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"
CACHE = ROOT / "build" / "chroot"

pytestmark = [
    pytest.mark.skipif(not DEB, reason="needs YICHUANG_DEB (make deb)"),
    pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("debootstrap"),
                       reason="needs root and debootstrap"),
    pytest.mark.timeout(3600),
]


def pristine() -> pathlib.Path:
    """A tarball of a minimal bookworm, made once (debootstrap takes minutes)."""
    tarball = CACHE / f"{SUITE}-minbase.tar"
    if tarball.exists():
        return tarball
    base = CACHE / "base"
    if not (base / "etc" / "debian_version").exists():
        shutil.rmtree(base, ignore_errors=True)
        subprocess.run(["debootstrap", "--variant=minbase", SUITE, str(base), MIRROR],
                       check=True, capture_output=True, timeout=1800)
    subprocess.run(["tar", "-C", str(base), "-cf", str(tarball), "."], check=True)
    return tarball


class Chroot:
    def __init__(self, path: pathlib.Path) -> None:
        self.path = path
        self.mounts: list[pathlib.Path] = []

    def __enter__(self) -> Chroot:
        for name in ("proc", "dev", "sys"):
            target = self.path / name
            target.mkdir(exist_ok=True)
            subprocess.run(["mount", "--bind" if name != "proc" else "-t",
                            f"/{name}" if name != "proc" else "proc",
                            *(["proc"] if name == "proc" else []), str(target)], check=True)
            self.mounts.append(target)
        shutil.copy2("/etc/resolv.conf", self.path / "etc" / "resolv.conf")
        return self

    def __exit__(self, *exc: object) -> None:
        for target in reversed(self.mounts):
            subprocess.run(["umount", "-l", str(target)], check=False)

    def run(self, *cmd: str, user: str | None = None, check: bool = True,
            timeout: float = 1800) -> subprocess.CompletedProcess:
        env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "DEBIAN_FRONTEND": "noninteractive",
               "LANG": "C.UTF-8", "HOME": "/root"}
        argv = ["chroot", str(self.path)]
        if user:
            argv += ["runuser", "-u", user, "--", "env", f"HOME=/home/{user}"]
        got = subprocess.run([*argv, *cmd], env=env, capture_output=True, text=True,
                             timeout=timeout)
        if check and got.returncode != 0:
            raise AssertionError(f"{' '.join(cmd)} → {got.returncode}\n{got.stdout[-3000:]}"
                                 f"\n{got.stderr[-3000:]}")
        return got

    def files(self) -> set[str]:
        skip = ("proc", "dev", "sys", "run", "tmp", "var/cache", "var/lib/apt", "var/log",
                "var/lib/dpkg", "var/lib/systemd", "root")
        out = set()
        for dirpath, dirnames, filenames in os.walk(self.path):
            rel = os.path.relpath(dirpath, self.path)
            if rel.startswith(skip):
                dirnames[:] = []
                continue
            out.update(os.path.join(rel, f) for f in filenames)
        return out


@pytest.fixture(scope="module")
def chroot(tmp_path_factory):
    path = tmp_path_factory.mktemp("deb-chroot") / SUITE
    path.mkdir()
    with tarfile.open(pristine()) as tar:
        tar.extractall(path, filter="fully_trusted")
    with Chroot(path) as ch:
        yield ch


def test_install_run_remove_purge_in_a_clean_bookworm(chroot, tmp_path):
    deb = pathlib.Path(DEB).resolve()
    shutil.copy2(deb, chroot.path / "tmp" / deb.name)
    chroot.run("apt-get", "update", "-qq")
    before = chroot.files()
    chroot.run("apt-get", "install", "-y", "-qq", "--no-install-recommends", f"/tmp/{deb.name}")
    installed = chroot.files() - before
    got = chroot.run("yichuang", "--version")
    assert got.stdout.startswith(f"yichuang {VERSION} (Python 3.")
    for path in ("usr/bin/yichuang", "usr/share/applications/yichuang-counter.desktop",
                 "usr/share/applications/yichuang-kiosk.desktop",
                 "usr/share/icons/hicolor/48x48/apps/yichuang.png",
                 "usr/lib/udev/rules.d/60-yichuang.rules",
                 "usr/lib/systemd/system/yichuang-server.service", "etc/yichuang/server.toml"):
        assert (chroot.path / path).exists(), path
    assert chroot.run("getent", "passwd", "yichuang").returncode == 0
    # the kiosk autostart is off unless chosen (debconf default)
    assert not (chroot.path / "etc/xdg/autostart/yichuang-kiosk.desktop").exists()

    # an ordinary user, no display: the demo's screenshots, from the packaged runtime
    chroot.run("useradd", "-m", "clerk")
    got = chroot.run("env", "QT_QPA_PLATFORM=offscreen", "yichuang", "demo", "--screenshot",
                     "/home/clerk/shots", user="clerk", timeout=600)
    shots = {p.name for p in (chroot.path / "home/clerk/shots").glob("*.png")}
    assert {"01-login.png", "02-home.png", "about-1366.png"} <= shots, got.stderr[-2000:]
    out = tmp_path / "shots"
    shutil.copytree(chroot.path / "home/clerk/shots", out)
    # every face's window, and what each needs of Qt, imports from the packaged runtime
    # (the Qt trim once dropped QtCharts and QtMultimedia: the supervisor and the display)
    faces = chroot.run("env", "QT_QPA_PLATFORM=offscreen", "/opt/yichuang/python/bin/python3",
                       "-I", "-c", "import desktop.counter.shell, desktop.kiosk.launch, "
                       "desktop.supervisor.window, desktop.review.shell, "
                       "desktop.display.launch, PySide6.QtCharts, PySide6.QtMultimedia",
                       user="clerk")
    assert faces.returncode == 0, faces.stderr[-2000:]
    # the server stack is in the package: a hall node can run here
    server = chroot.run("/opt/yichuang/python/bin/python3", "-I", "-c", "import fastapi, "
                        "sqlalchemy, uvicorn, psycopg, usb.core, prometheus_client, server.app")
    assert server.returncode == 0, server.stderr[-2000:]
    # running it (as root too) wrote nothing into /opt that dpkg would not remove
    listed = set(chroot.run("dpkg", "-L", "yichuang").stdout.splitlines())
    extra = [str(p.relative_to(chroot.path)) for p in (chroot.path / "opt/yichuang").rglob("*")
             if p.is_file() and "/" + str(p.relative_to(chroot.path)) not in listed]
    assert not extra, f"written at run time: {extra[:10]}"

    data = chroot.path / "home/clerk/.local/share/yichuang"
    assert (data / "replica.sqlite3").exists() or (data / "demo").exists()
    chroot.run("apt-get", "remove", "-y", "-qq", "yichuang")
    assert not (chroot.path / "opt/yichuang").exists()
    assert not (chroot.path / "usr/bin/yichuang").exists()
    assert (chroot.path / "etc/yichuang/server.toml").exists(), "remove keeps conffiles"
    chroot.run("apt-get", "purge", "-y", "-qq", "yichuang")
    left = {f for f in installed if (chroot.path / f).exists()}
    left = {f for f in left if "yichuang" in f}
    assert not left, f"left after purge: {sorted(left)[:20]}"
    assert not (chroot.path / "etc/yichuang").exists()
    assert (data).exists(), "the user's data stays"
