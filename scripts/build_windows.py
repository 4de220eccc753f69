"""Build the Windows installer: `python scripts/build_windows.py --python-zip python-3.12.x-embed-amd64.zip`.

Runs on Windows (CI: .github/workflows/windows.yml) and, for staging, on Linux (`make
windows`). It lays out dist/yichuang/ as the installer packs it:

    python/     the embeddable CPython (from --python-zip; absent when staging without it)
    lib/        our wheel and every locked runtime dependency, as win_amd64 wheels unpacked
    yichuang.cmd, yichuang.ico, LICENSE

then checks that every module the desk imports is there for win_amd64 and runs makensis
on installer.nsi. The faces start through Start-menu shortcuts to ``python\\pythonw.exe
-I -m desktop.cli FACE`` (no console window); `yichuang.cmd` is the console command for
IT staff. Only faces this build contains get a shortcut (build/windows/faces.nsh).
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import pathlib
import re
import shutil
import subprocess
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.version import VERSION  # noqa: E402
from scripts import qt_trim, sdists  # noqa: E402

LOCK = ROOT / "requirements" / "windows-desk.txt"
WORK = ROOT / "build" / "windows"
PYTHON_TAG = "312"  # the embeddable zip's version; the lock is resolved for it
DESK_PACKAGES = ("domain", "sync", "printing", "devices", "desktop", "resources")
# face → Start-menu name (the About dialog's names); counter is always there
FACES = {"counter": "窗口受理", "kiosk": "自助登记机", "supervisor": "大厅监管",
         "review": "后台审核", "display": "大厅叫号屏"}
# top-level names whose import is guarded for another platform or an optional extra
NOT_ON_WINDOWS = {"fcntl", "termios", "tty", "pty", "grp", "pwd", "resource", "usb"}
# the server extra (`yichuang[server]`): a desk reads reports from a server's database only
# with it, and says so without it (desktop.report_cli)
SERVER_EXTRA = {"server", "sqlalchemy"}
PTH_EXTRA = ("..\\lib", "..\\lib\\win32", "..\\lib\\win32\\lib")
# pywin32's parts the spooler printer does not need (Pythonwin needs MFC, not shipped)
DROP_FROM_LIB = ("pythonwin", "win32comext", "adodbapi", "isapi", "win32/Demos", "win32/test",
                 "win32com/test", "win32com/demos")


def run(cmd: list[str], **kw) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, **kw)


def build_wheel(out: pathlib.Path) -> pathlib.Path:
    """Our own wheel (the build hook compiles the .qm translations into it)."""
    shutil.rmtree(out, ignore_errors=True)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)])
    (wheel,) = out.glob("yichuang-*.whl")
    return wheel


def download_dependencies(lock: pathlib.Path, cache: pathlib.Path) -> list[pathlib.Path]:
    """Every locked package as a win_amd64 (or pure) wheel, hashes checked by pip."""
    cache.mkdir(parents=True, exist_ok=True)
    binary, source = sdists.split(lock, WORK / "locks")
    run([sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", "--no-deps",
         "--require-hashes", "--platform", "win_amd64", "--python-version", PYTHON_TAG,
         "--implementation", "cp", "-r", str(binary), "-d", str(cache)])
    if source is not None:  # pure Python published as source only: built here
        sdists.build_wheels(source, cache)
    def norm(name: str) -> str:  # PEP 503: jaraco.classes, jaraco-classes, jaraco_classes
        return re.sub(r"[-_.]+", "_", name).lower()

    pins = set()
    for line in lock.read_text("utf-8").splitlines():
        if line and line[0].isalpha() and "==" in line:
            name, _, version = line.split()[0].partition("==")
            pins.add((norm(name), version))
    wheels = [w for w in cache.glob("*.whl")  # the cache may hold older releases too
              if (norm(w.name.split("-")[0]), w.name.split("-")[1]) in pins]
    if len(wheels) != len(pins):
        raise SystemExit(f"expected {len(pins)} wheels from {lock}, found {len(wheels)}")
    return sorted(wheels)


def unpack_wheel(wheel: pathlib.Path, lib: pathlib.Path) -> None:
    """A wheel's files into lib/ (.data/purelib|platlib too); scripts and headers skipped."""
    with zipfile.ZipFile(wheel) as zf:
        for info in zf.infolist():
            name = info.filename
            if ".data/" in name.split("/", 1)[0] + "/":
                parts = name.split("/", 2)
                if len(parts) < 3 or parts[1] not in ("purelib", "platlib"):
                    continue
                name = parts[2]
            if info.is_dir():
                continue
            target = lib / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)


def install_python(zip_path: pathlib.Path, dist: pathlib.Path) -> None:
    """The embeddable CPython, with its ._pth pointing at lib/ and pywin32's folders."""
    target = dist / "python"
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(target)
    (pth,) = target.glob("python3*._pth")
    lines = [line for line in pth.read_text("utf-8").splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("#")] + list(PTH_EXTRA)
    pth.write_text("\r\n".join(lines) + "\r\n", "utf-8")
    # pywin32's DLLs next to the interpreter: its .pth bootstrap does not run here
    for dll in (dist / "lib" / "pywin32_system32").glob("*.dll"):
        shutil.copy2(dll, target / dll.name)


def write_launchers(dist: pathlib.Path) -> None:
    shutil.copy2(ROOT / "resources" / "icons" / "yichuang.ico", dist / "yichuang.ico")
    shutil.copy2(ROOT / "LICENSE", dist / "LICENSE.txt")
    (dist / "yichuang.cmd").write_text(
        '@echo off\r\n"%~dp0python\\python.exe" -I -m desktop.cli %*\r\n', "utf-8")


def faces_in(lib: pathlib.Path) -> list[str]:
    """Faces this build has: counter, and each desktop/<face>/ package."""
    return [f for f in FACES if f == "counter" or (lib / "desktop" / f / "__init__.py").exists()]


def write_faces_nsh(faces: list[str], path: pathlib.Path) -> None:
    """Start-menu shortcuts for exactly these faces (included by installer.nsi)."""
    lines = ["; generated by scripts/build_windows.py: one shortcut per face in this build"]
    for face in faces:
        lines.append(f'CreateShortcut "$SMPROGRAMS\\${{APPNAME_ZH}}\\{FACES[face]}.lnk" '
                     f'"$INSTDIR\\python\\pythonw.exe" "-I -m desktop.cli {face}" '
                     f'"$INSTDIR\\yichuang.ico"')
    path.write_text("\n".join(lines) + "\n", "utf-8")


# -- the import check ------------------------------------------------------------------
def imported_modules(lib: pathlib.Path) -> dict[str, set[str]]:
    """Every absolute import in the desk's packages: module → files importing it."""
    found: dict[str, set[str]] = {}
    for package in DESK_PACKAGES:
        for py in sorted((lib / package).rglob("*.py")):
            tree = ast.parse(py.read_text("utf-8"), str(py))
            for node in ast.walk(tree):
                names: list[str] = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]  # the names it takes may be attributes
                for name in names:
                    found.setdefault(name, set()).add(str(py.relative_to(lib)))
    return found


def _present(lib: pathlib.Path, module: str) -> bool:
    parts = module.split(".")
    for base in (lib, lib / "win32", lib / "win32" / "lib"):
        path = base.joinpath(*parts)
        if (path / "__init__.py").exists() or path.with_suffix(".py").exists():
            return True
        if list(path.parent.glob(f"{parts[-1]}*.pyd")) if path.parent.exists() else []:
            return True
        if path.is_dir() and parts[0] not in ("desktop", "domain", "sync", "printing",
                                              "devices", "resources", "server"):
            return True  # a namespace package of a dependency
    return False


def check_imports(lib: pathlib.Path) -> list[str]:
    """Modules the desk imports that are not in lib/ for win_amd64 (or in the stdlib)."""
    stdlib = set(sys.stdlib_module_names)
    missing = []
    for module, files in sorted(imported_modules(lib).items()):
        top = module.split(".")[0]
        if top in stdlib or top in NOT_ON_WINDOWS or top in SERVER_EXTRA or top == "__future__":
            continue
        if _present(lib, module):
            continue
        missing.append(f"{module} (imported by {', '.join(sorted(files)[:3])})")
    return missing


def check_binaries(lib: pathlib.Path) -> list[str]:
    """Extension modules built for another platform or Python than the embeddable zip's."""
    bad = []
    for ext in lib.rglob("*.so"):
        bad.append(f"{ext.relative_to(lib)}: a Linux/macOS binary")
    for pyd in lib.rglob("*.pyd"):
        name = pyd.name
        if ".cp" in name and f".cp{PYTHON_TAG}-win_amd64" not in name:
            bad.append(f"{pyd.relative_to(lib)}: not for cp{PYTHON_TAG}-win_amd64")
    return bad


def check_qt_modules(lib: pathlib.Path) -> list[str]:
    """Every PySide6 module the sources import is one the trim keeps."""
    used = {m.split(".")[1] for m in imported_modules(lib) if m.startswith("PySide6.")}
    return [f"PySide6.{m} is imported but scripts/qt_trim.py drops it"
            for m in sorted(used - set(qt_trim.QT_MODULES))]


def stage(dist: pathlib.Path, python_zip: pathlib.Path | None, lock: pathlib.Path) -> list[str]:
    """dist/yichuang/ laid out; the faces it contains."""
    shutil.rmtree(dist, ignore_errors=True)
    lib = dist / "lib"
    lib.mkdir(parents=True)
    unpack_wheel(build_wheel(WORK / "wheel"), lib)
    for wheel in download_dependencies(lock, WORK / "wheels"):
        unpack_wheel(wheel, lib)
    for name in DROP_FROM_LIB:
        shutil.rmtree(lib / name, ignore_errors=True)
    freed = qt_trim.trim_pyside(lib / "PySide6")
    print(f"trimmed Qt modules the desk does not use: {freed / 2**20:.0f} MiB")
    if python_zip:
        install_python(python_zip, dist)
    write_launchers(dist)
    return faces_in(lib)


def makensis(dist: pathlib.Path, out: pathlib.Path, exe: str = "makensis") -> pathlib.Path:
    out.mkdir(parents=True, exist_ok=True)
    flag = "/" if sys.platform == "win32" else "-"
    run([exe, f"{flag}V2", f"{flag}DVERSION={VERSION}", f"{flag}DDIST={dist}",
         f"{flag}DOUTDIR={out}", f"{flag}DFACES_NSH={WORK / 'faces.nsh'}",
         str(ROOT / "installer.nsi")])
    return out / f"yichuang-{VERSION}-setup.exe"


def sha256(path: pathlib.Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python-zip", type=pathlib.Path,
                        help="the embeddable CPython zip (python-3.12.x-embed-amd64.zip)")
    parser.add_argument("--dist", type=pathlib.Path, default=ROOT / "dist" / "yichuang")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "dist")
    parser.add_argument("--lock", type=pathlib.Path, default=LOCK)
    parser.add_argument("--makensis", default=shutil.which("makensis") or "makensis")
    parser.add_argument("--no-installer", action="store_true", help="stage and check only")
    args = parser.parse_args(argv)
    if args.python_zip is None and sys.platform == "win32":
        parser.error("--python-zip is required on Windows (an installer needs its Python)")
    WORK.mkdir(parents=True, exist_ok=True)
    faces = stage(args.dist, args.python_zip, args.lock)
    lib = args.dist / "lib"
    problems = (check_imports(lib) + check_binaries(lib) + check_qt_modules(lib)
                + qt_trim.missing_dlls(lib, args.dist / "python" if args.python_zip else None))
    if problems:
        print("missing or wrong for win_amd64:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    print(f"staged {args.dist}: faces {', '.join(faces)}; every import present for win_amd64"
          + ("" if args.python_zip else " (no interpreter: staging only)"))
    write_faces_nsh(faces, WORK / "faces.nsh")
    if args.no_installer:
        return 0
    setup = makensis(args.dist, args.out, args.makensis)
    print(f"built {setup} ({setup.stat().st_size / 2**20:.1f} MiB, sha256 {sha256(setup)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
