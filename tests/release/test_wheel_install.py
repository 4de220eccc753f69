"""What CI checks of the release: the wheel from a clean copy, installed as a desk would.

The wheel is built from the tracked files only (no .qm lying in the tree, as in a fresh
clone) by pip's isolated build, its contents are checked, and it is installed into a
new virtualenv outside the tree with no extras — the desk install. From there the
`yichuang` command must report its version, load the English UI, take the demo
screenshots, and say that `yichuang server` needs `yichuang[server]`.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import zipfile

import pytest

from domain.version import VERSION

ROOT = pathlib.Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.timeout(900)


def _clean_copy(dest: pathlib.Path) -> pathlib.Path:
    """The files git knows (tracked, or new and not ignored): what a clone would hold."""
    listed = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    assert not list(dest.rglob("*.qm")), "a clean copy has no compiled translations"
    return dest


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> pathlib.Path:
    src = _clean_copy(tmp_path_factory.mktemp("clone"))
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                    str(src)], check=True, capture_output=True, timeout=600)
    (whl,) = out.glob("yichuang-*.whl")
    return whl


@pytest.fixture(scope="module")
def desk_venv(wheel, tmp_path_factory) -> pathlib.Path:
    venv = tmp_path_factory.mktemp("desk") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    py = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True,
                   capture_output=True, timeout=900)
    return venv


def test_wheel_holds_translations_fonts_calendar_catalog_icons(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        assert f"resources/translations/{ts.stem}.qm" in names, ts.stem
    for needed in ("resources/fonts/wqy-microhei.ttc", "resources/calendar/cn.json",
                   "resources/catalog/demo.json", "resources/icons/yichuang-256.png",
                   "resources/icons/yichuang.svg", "resources/styles/counter.qss",
                   f"yichuang-{VERSION}.dist-info/licenses/LICENSE"):
        assert needed in names, needed
    assert not any(n.startswith(("tests/", "bench/", "scripts/")) for n in names)


def test_wheel_metadata_splits_the_desk_from_the_server(wheel):
    meta = zipfile.ZipFile(wheel).read(f"yichuang-{VERSION}.dist-info/METADATA").decode()
    assert f"Version: {VERSION}\n" in meta
    assert "License-Expression: GPL-3.0-or-later" in meta
    requires = [line for line in meta.splitlines() if line.startswith("Requires-Dist:")]
    desk = [r for r in requires if "extra ==" not in r]
    assert any("PySide6-Essentials" in r for r in desk)
    for server_only in ("fastapi", "uvicorn", "sqlalchemy", "psycopg", "alembic"):
        assert not any(server_only in r.lower() for r in desk), server_only
        assert any(server_only in r.lower() and 'extra == "server"' in r for r in requires)
    assert not any("argon2" in r for r in requires)
    assert any("pyusb" in r and 'extra == "usb"' in r for r in requires)
    assert any("pywin32" in r and 'extra == "windows"' in r for r in requires)


def _run(venv: pathlib.Path, *args: str, cwd: pathlib.Path, timeout: float = 300):
    exe = venv / "bin" / "yichuang"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(exe), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_installed_desk_reports_version_and_speaks_english(desk_venv, tmp_path):
    got = _run(desk_venv, "--version", cwd=tmp_path)
    assert got.returncode == 0, got.stderr
    assert got.stdout.startswith(f"yichuang {VERSION} ")
    code = ("from PySide6.QtCore import QCoreApplication, QTranslator\n"
            "app = QCoreApplication([])\n"
            "from desktop import i18n\n"
            "t = QTranslator(); assert t.load(i18n.qm_path('en')), 'no .qm'\n"
            "QCoreApplication.installTranslator(t)\n"
            "print(QCoreApplication.translate('AboutDialog', '关于一窗…'))\n")
    out = subprocess.run([str(desk_venv / "bin" / "python"), "-c", code], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "About Yichuang…", out.stderr


def test_installed_desk_takes_the_demo_screenshots(desk_venv, tmp_path):
    shots = tmp_path / "shots"
    got = _run(desk_venv, "--data-dir", str(tmp_path / "data"), "demo", "--screenshot",
               str(shots), cwd=tmp_path)
    assert got.returncode == 0, got.stderr[-2000:]
    pngs = {p.name for p in shots.glob("*.png")}
    assert {"01-login.png", "02-home.png", "about-1366.png", "setup-1-language-1366.png",
            "setup-6-done-1920.png"} <= pngs
    assert all(p.stat().st_size > 5000 for p in shots.glob("*.png"))


def test_desk_without_server_extra_says_what_to_install(desk_venv, tmp_path):
    got = _run(desk_venv, "server", "--port", "1", cwd=tmp_path, timeout=60)
    assert got.returncode == 3
    assert 'pip install "yichuang[server]"' in got.stderr
    assert "Traceback" not in got.stderr
