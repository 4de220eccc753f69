"""installer.nsi: it compiles against a staged tree, and under wine it installs, upgrades
and uninstalls as promised.

`make test` runs the compile check (when makensis is installed) on a tiny staged tree.
The wine tests need the real installer: `make windows` builds it and runs them with
YICHUANG_SETUP_EXE set; an older release for the upgrade is compiled from a tiny tree.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess

import pytest

from domain.version import VERSION

ROOT = pathlib.Path(__file__).resolve().parents[2]
MAKENSIS = shutil.which("makensis")
SETUP = os.environ.get("YICHUANG_SETUP_EXE")
START_MENU = "ProgramData/Microsoft/Windows/Start Menu/Programs/一窗"
RUN_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Run"


def tiny_tree(dest: pathlib.Path, marker: str) -> pathlib.Path:
    """A staged dist/yichuang/ with a file or two where the real tree has thousands."""
    (dest / "python").mkdir(parents=True)
    (dest / "python" / "pythonw.exe").write_bytes(b"MZ not a real interpreter")
    (dest / "lib" / "desktop").mkdir(parents=True)
    (dest / "lib" / "desktop" / "__init__.py").write_text("")
    (dest / "lib" / marker).write_text(marker)
    shutil.copy2(ROOT / "resources" / "icons" / "yichuang.ico", dest / "yichuang.ico")
    shutil.copy2(ROOT / "LICENSE", dest / "LICENSE.txt")
    (dest / "yichuang.cmd").write_text("@echo off\r\n")
    return dest


def compile_installer(tree: pathlib.Path, out: pathlib.Path, version: str) -> pathlib.Path:
    faces = out / "faces.nsh"
    faces.write_text('CreateShortcut "$SMPROGRAMS\\${APPNAME_ZH}\\窗口受理.lnk" '
                     '"$INSTDIR\\python\\pythonw.exe" "-I -m desktop.cli counter"\n', "utf-8")
    subprocess.run([MAKENSIS, "-V2", f"-DVERSION={version}", f"-DDIST={tree}",
                    f"-DOUTDIR={out}", f"-DFACES_NSH={faces}", str(ROOT / "installer.nsi")],
                   check=True, capture_output=True, timeout=300)
    return out / f"yichuang-{version}-setup.exe"


@pytest.mark.skipif(MAKENSIS is None, reason="makensis not installed (Debian package nsis)")
def test_installer_script_compiles_against_a_staged_tree(tmp_path):
    setup = compile_installer(tiny_tree(tmp_path / "dist", "old-only.txt"), tmp_path, VERSION)
    assert setup.exists() and setup.read_bytes()[:2] == b"MZ"


# -- under wine (make windows) ------------------------------------------------------------
wine = pytest.mark.skipif(not (SETUP and shutil.which("wine") and MAKENSIS),
                          reason="needs YICHUANG_SETUP_EXE (make windows), wine and makensis")


@pytest.fixture(scope="module")
def prefix(tmp_path_factory) -> pathlib.Path:
    path = tmp_path_factory.mktemp("wine") / "prefix"
    env = _env(path)
    subprocess.run(["wineboot", "-i"], env=env, capture_output=True, timeout=300)
    subprocess.run(["wineserver", "-w"], env=env, timeout=300)
    return path


def _env(prefix: pathlib.Path) -> dict[str, str]:
    return {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all", "DISPLAY": ""}


def _wine(prefix: pathlib.Path, *args: str) -> subprocess.CompletedProcess:
    got = subprocess.run(["wine", *args], env=_env(prefix), capture_output=True, text=True,
                         timeout=600)
    subprocess.run(["wineserver", "-w"], env=_env(prefix), timeout=600)
    return got


def _reg(prefix: pathlib.Path, key: str) -> str:
    return _wine(prefix, "reg", "query", key).stdout


def _c(prefix: pathlib.Path) -> pathlib.Path:
    return prefix / "drive_c"


@wine
def test_install_upgrade_and_uninstall_under_wine(prefix, tmp_path):
    c = _c(prefix)
    data = next((c / "users").glob("*/AppData/Local")) / "yichuang"
    data.mkdir(parents=True)
    (data / "replica.sqlite3").write_bytes(b"unsynced cases")
    # an older release first, with a file the new one no longer has
    old = compile_installer(tiny_tree(tmp_path / "old", "old-only.txt"), tmp_path, "0.0.1")
    _wine(prefix, str(old), "/S", "/KIOSK", r"/D=C:\Yichuang")
    assert (c / "Yichuang" / "lib" / "old-only.txt").exists()
    assert "YichuangKiosk" in _reg(prefix, RUN_KEY)

    # the real installer over it: the program replaced, the data kept, autostart as chosen
    _wine(prefix, SETUP, "/S")
    home = c / "Yichuang"
    assert not (home / "lib" / "old-only.txt").exists()
    assert (home / "lib" / "desktop" / "cli.py").exists()
    assert (home / "lib" / "PySide6").is_dir() and (home / "yichuang.cmd").exists()
    assert f"Version    REG_SZ    {VERSION}" in _reg(prefix, r"HKLM\Software\Yichuang")
    assert "YichuangKiosk" not in _reg(prefix, RUN_KEY)
    links = {p.name for p in (c / START_MENU).glob("*.lnk")}
    assert {"一窗.lnk", "一窗 设置.lnk", "窗口受理.lnk", "卸载.lnk"} <= links
    assert "大厅监管.lnk" not in links or (home / "lib" / "desktop" / "supervisor").is_dir()
    assert not any((c / "users").glob("*/AppData/Roaming/Microsoft/Windows/Start Menu/"
                                      "Programs/一窗")), "shortcuts are for all users"
    assert (data / "replica.sqlite3").read_bytes() == b"unsynced cases"

    # uninstall: everything of the program goes, the data stays
    _wine(prefix, str(home / "uninstall.exe"), "/S", r"_?=C:\Yichuang")
    (home / "uninstall.exe").unlink(missing_ok=True)  # _? keeps the running uninstaller
    assert not home.exists() or not any(home.iterdir())
    assert not (c / START_MENU).exists()
    assert "Yichuang" not in _reg(prefix, r"HKLM\Software\Microsoft\Windows\CurrentVersion"
                                          r"\Uninstall")
    assert (data / "replica.sqlite3").exists()

    # asked to: /REMOVEDATA takes the data too
    _wine(prefix, SETUP, "/S", r"/D=C:\Yichuang")
    assert (home / "uninstall.exe").exists()
    _wine(prefix, str(home / "uninstall.exe"), "/S", "/REMOVEDATA", r"_?=C:\Yichuang")
    assert not data.exists()
