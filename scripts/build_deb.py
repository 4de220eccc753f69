"""Build dist/yichuang_<version>_<arch>.deb: the app with its own Python under /opt/yichuang.

`make deb` runs it on a Debian-based build PC. The runtime is the building interpreter
relocated (its binary, libpython, standard library and every non-glibc library they load,
with RPATHs made relative by patchelf), plus the locked dependencies of the desk, the
server and USB printers (requirements/deb-runtime.txt, hashes checked), Qt trimmed to the
modules the desk imports. So the package needs only glibc and the desktop's own X/GL
libraries (listed in Depends, found with dpkg -S), whatever Python the desk has or lacks.

The glibc floor is the highest GLIBC_x.y symbol version any shipped ELF file needs; the
build prints it and writes it into the package description.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import sysconfig

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from domain.version import VERSION  # noqa: E402
from scripts import sdists  # noqa: E402
from scripts.qt_trim import QT_MODULES  # noqa: E402

PKG = ROOT / "packaging" / "deb"
WORK = ROOT / "build" / "deb"
OPT = pathlib.PurePosixPath("/opt/yichuang")
PYVER = f"{sys.version_info.major}.{sys.version_info.minor}"
GLIBC_LIBS = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
              "libutil.so.1", "libresolv.so.2", "ld-linux-x86-64.so.2", "libanl.so.1",
              "linux-vdso.so.1"}
STDLIB_DROP = ("test", "idlelib", "tkinter", "turtledemo", "ensurepip", "lib2to3",
               "site-packages", "dist-packages", "__pycache__", f"config-{PYVER}")
FACES = {"counter": ("窗口受理", "Counter"), "kiosk": ("自助登记机", "Self-service kiosk"),
         "supervisor": ("大厅监管", "Hall supervision"),
         "review": ("后台审核", "Back-office review"), "display": ("大厅叫号屏", "Hall display")}
QT_PLUGIN_DROP = ("geoservices", "networkinformation", "qmltooling", "designer", "sceneparsers", "renderers", "geometryloaders",
                  "position", "sensors", "webview", "canbus", "sqldrivers", "assetimporters",
                  "help", "scxmldatamodel", "renderplugins", "3dinputdevices", "multimedia")


# plugin groups a desk uses: windows on X11 and Wayland, input methods, images, printing,
# speech, touch (generic: evdev/tuio for kiosks)
KEEP_PLUGIN_GROUPS = ("platforms", "xcbglintegrations", "platforminputcontexts",
                      "imageformats", "iconengines", "printsupport", "tls", "texttospeech",
                      "platformthemes", "wayland-shell-integration",
                      "wayland-decoration-client", "wayland-graphics-integration-client",
                      "egldeviceintegrations", "generic")
# libraries a build PC may lack, and the Debian package that provides them
KNOWN_SONAMES = {"libspeechd.so.2": "libspeechd2", "libxcb-cursor.so.0": "libxcb-cursor0",
                 "libwayland-egl.so.1": "libwayland-egl1"}
# the GTK theme would make GTK a dependency of every desk
PLUGIN_FILE_DROP = ("libqgtk3.so",)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    print("+", " ".join(map(str, cmd)), flush=True)
    return subprocess.run(cmd, check=True, **kw)


# -- ELF helpers ---------------------------------------------------------------------------
def is_elf(path: pathlib.Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def needed(path: pathlib.Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"^\s+NEEDED\s+(\S+)", out, re.M)


def glibc_floor(paths: list[pathlib.Path]) -> str:
    best = (0, 0)
    for path in paths:
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            best = max(best, (int(major), int(minor)))
    return f"{best[0]}.{best[1]}"


def resolved(path: pathlib.Path) -> dict[str, str]:
    """ldd's answer: library name → path on this machine."""
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
    return dict(re.findall(r"^\s*(\S+) => (/\S+)", out, re.M))


# -- the runtime -----------------------------------------------------------------------------
def copy_interpreter(py: pathlib.Path) -> None:
    """bin/python3.X, libpython, the standard library (minus tests, IDLE, Tk)."""
    base = pathlib.Path(sys.base_prefix)
    exe = pathlib.Path(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))
    (py / "bin").mkdir(parents=True)
    shutil.copy2(exe, py / "bin" / f"python{PYVER}")
    os.symlink(f"python{PYVER}", py / "bin" / "python3")
    (py / "lib").mkdir()
    libdir = pathlib.Path(sysconfig.get_config_var("LIBDIR") or base / "lib")
    for lib in libdir.glob(f"libpython{PYVER}.so.1.0"):  # the SONAME the binary asks for
        shutil.copy2(lib, py / "lib" / lib.name, follow_symlinks=True)
    stdlib = pathlib.Path(sysconfig.get_paths()["stdlib"])
    # _crypt (deprecated) would drag in a libcrypt built for a newer glibc
    shutil.copytree(stdlib, py / "lib" / f"python{PYVER}", symlinks=False,
                    ignore=shutil.ignore_patterns(*STDLIB_DROP, "_tkinter*", "_crypt.*"))
    dynload = py / "lib" / f"python{PYVER}" / "lib-dynload"
    platstdlib = pathlib.Path(sysconfig.get_paths()["platstdlib"]) / "lib-dynload"
    if not dynload.exists() and platstdlib.exists():
        shutil.copytree(platstdlib, dynload,
                        ignore=shutil.ignore_patterns("_tkinter*", "_crypt.*"))


def install_packages(site: pathlib.Path, wheel: pathlib.Path, lock: pathlib.Path) -> None:
    site.mkdir(parents=True, exist_ok=True)
    pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-compile",
           "--target", str(site)]
    binary, source = sdists.split(lock, WORK / "locks")
    run([*pip, "--require-hashes", "--only-binary=:all:", "-r", str(binary)])
    if source is not None:  # pure Python published as source only: built into wheels
        run([*pip, *map(str, sdists.build_wheels(source, WORK / "sdist-wheels"))])
    run([*pip, str(wheel)])
    shutil.rmtree(site / "bin", ignore_errors=True)


def trim_qt(site: pathlib.Path) -> int:
    """Only the Qt modules the desk imports and what they load (DT_NEEDED closure)."""
    pyside = site / "PySide6"
    qtlib = pyside / "Qt" / "lib"
    present = {p.name: p for p in qtlib.glob("*.so*")}
    keep: set[str] = set()
    todo = [n for m in QT_MODULES for p in pyside.glob(f"{m}.*.so") for n in needed(p)]
    todo += [n for p in pyside.glob("libpyside6*.so*") for n in needed(p)]
    # the plugins a desk needs bring their own Qt libraries (xcb → libQt6XcbQpa, …)
    plugins_dir = pyside / "Qt" / "plugins"
    for group in KEEP_PLUGIN_GROUPS:
        for plugin in (plugins_dir / group).glob("*.so") if (plugins_dir / group).exists() else []:
            if plugin.name not in PLUGIN_FILE_DROP:
                todo += needed(plugin)
    while todo:
        name = todo.pop()
        if name in keep or name not in present:
            continue
        keep.add(name)
        todo += needed(present[name])
    freed = 0

    def drop(path: pathlib.Path) -> None:
        nonlocal freed
        freed += sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) \
            if path.is_dir() else path.stat().st_size
        shutil.rmtree(path) if path.is_dir() else path.unlink()

    for name, path in present.items():
        if name not in keep and not path.is_symlink():
            drop(path)
    for module in pyside.glob("Qt*.abi3.so"):
        if module.name.split(".")[0] not in QT_MODULES:
            drop(module)
    for entry in list(pyside.iterdir()):
        if entry.is_file() and os.access(entry, os.X_OK) and not entry.suffix:
            drop(entry)  # designer, lupdate, … tools
        elif entry.suffix == ".pyi":
            drop(entry)
    qt = pyside / "Qt"
    for sub in ("qml", "resources", "libexec", "metatypes", "translations"):
        if (qt / sub).exists():
            if sub == "translations":
                for qm in (qt / sub).iterdir():
                    if not qm.name.endswith(("_zh_CN.qm", "_en.qm")):
                        drop(qm)
            else:
                drop(qt / sub)
    for sub in ("include", "typesystems", "glue", "scripts", "examples"):
        if (pyside / sub).exists():
            drop(pyside / sub)
    plugins = qt / "plugins"
    for group in list(plugins.iterdir()) if plugins.exists() else []:
        if group.name in QT_PLUGIN_DROP:
            drop(group)
            continue
        for plugin in list(group.rglob("*.so")):
            wants = [n for n in needed(plugin) if n.startswith("libQt6")]
            if any(n not in keep for n in wants) or plugin.name in PLUGIN_FILE_DROP:
                drop(plugin)
    for link in qtlib.glob("*.so*"):
        if link.is_symlink() and not link.exists():
            link.unlink()
    return freed


def bundle_libraries(py: pathlib.Path, site: pathlib.Path) -> None:
    """Copy the interpreter's non-glibc libraries beside it; relative RPATHs everywhere."""
    lib = py / "lib"
    elves = [py / "bin" / f"python{PYVER}", *lib.glob("libpython*.so*"),
             *(lib / f"python{PYVER}" / "lib-dynload").glob("*.so")]
    todo = list(elves)
    seen: set[str] = set()
    while todo:
        elf = todo.pop()
        for name, where in resolved(elf).items():
            if name in GLIBC_LIBS or name in seen or name.startswith("libpython"):
                continue
            seen.add(name)
            target = lib / name
            shutil.copy2(where, target, follow_symlinks=True)
            os.chmod(target, 0o755)
            todo.append(target)
    for elf in lib.glob("*.so*"):
        if not elf.is_symlink():
            run(["patchelf", "--set-rpath", "$ORIGIN", str(elf)])
    run(["patchelf", "--set-rpath", "$ORIGIN/../lib", str(py / "bin" / f"python{PYVER}")])
    for elf in (lib / f"python{PYVER}" / "lib-dynload").glob("*.so"):
        run(["patchelf", "--set-rpath", "$ORIGIN/../..", str(elf)], capture_output=True)
    del site


def system_depends(root: pathlib.Path) -> tuple[list[str], list[str]]:
    """Debian packages providing what the shipped ELF files load from the system:
    (Depends: what the interpreter, the app and Qt's libraries need; Recommends: what
    only a Qt plugin needs, which Qt skips when it is missing, like speech-dispatcher)."""
    # the libraries bundled beside the interpreter are on its RPATH only: Qt's and the
    # other wheels' libraries do not see them (QtNetwork needs libgssapi_krb5 from the
    # system even though the interpreter's lib/ holds a copy)
    shipped = {p.name for p in root.rglob("*.so*")}
    in_packages = {p.name for p in root.rglob("*.so*") if "/site-packages/" in str(p)}
    core: set[str] = set()
    plugin_only: set[str] = set()
    for elf in [p for p in root.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]:
        seen = in_packages if "/site-packages/" in str(elf) else shipped
        wanted = {n for n in needed(elf) if n not in seen and n not in GLIBC_LIBS}
        (plugin_only if "/plugins/" in str(elf) else core).update(wanted)
    plugin_only -= core
    depends, recommends = {"libc6"}, set()
    for names, into in ((core, depends), (plugin_only, recommends)):
        for name in sorted(names):
            found = subprocess.run(["dpkg", "-S", f"*/{name}"], capture_output=True, text=True)
            if found.returncode == 0:
                into.add(found.stdout.split(":")[0].split(",")[0].strip())
            elif name in KNOWN_SONAMES:
                into.add(KNOWN_SONAMES[name])
            else:
                print(f"note: no installed package provides {name}")
    return sorted(depends), sorted(recommends - depends)


# -- the package -----------------------------------------------------------------------------
def desktop_entry(name: str, comment: str, args: str, *, hidden: bool = False) -> str:
    return "\n".join([
        "[Desktop Entry]", "Type=Application", f"Name={name}", f"Name[zh_CN]={name}",
        f"Comment={comment}", f"Exec=/usr/bin/yichuang {args}", "Icon=yichuang",
        "Terminal=false", "Categories=Office;", "StartupWMClass=yichuang",
        *(["NoDisplay=true"] if hidden else []), ""])


def lay_out_files(stage: pathlib.Path, faces: list[str]) -> None:
    py = stage / OPT.relative_to("/") / "python"
    (stage / "usr/bin").mkdir(parents=True)
    launcher = stage / "usr/bin/yichuang"
    launcher.write_text(f'#!/bin/sh\nexec {OPT}/python/bin/python{PYVER} -I -B -m desktop.cli "$@"\n')
    launcher.chmod(0o755)
    apps = stage / "usr/share/applications"
    apps.mkdir(parents=True)
    (apps / "yichuang.desktop").write_text(desktop_entry("一窗", "政务服务大厅窗口系统", "start"))
    (apps / "yichuang-setup.desktop").write_text(
        desktop_entry("一窗 设置", "本机用途、注册、外设、自助机密码", "setup"))
    for face in faces:
        zh, en = FACES[face]
        (apps / f"yichuang-{face}.desktop").write_text(desktop_entry(f"一窗 {zh}", en, face))
    autostart = stage / "usr/share/yichuang/autostart"
    autostart.mkdir(parents=True)
    (autostart / "yichuang-kiosk.desktop").write_text(
        desktop_entry("一窗 自助登记机", "Self-service kiosk", "kiosk", hidden=True))
    icons = ROOT / "resources" / "icons"
    for png in icons.glob("yichuang-*.png"):
        size = png.stem.split("-")[1]
        dest = stage / f"usr/share/icons/hicolor/{size}x{size}/apps/yichuang.png"
        dest.parent.mkdir(parents=True)
        shutil.copy2(png, dest)
    svg = stage / "usr/share/icons/hicolor/scalable/apps/yichuang.svg"
    svg.parent.mkdir(parents=True)
    shutil.copy2(icons / "yichuang.svg", svg)
    for src, dest in ((PKG / "60-yichuang.rules", "usr/lib/udev/rules.d/60-yichuang.rules"),
                      (PKG / "yichuang-server.service",
                       "usr/lib/systemd/system/yichuang-server.service"),
                      (PKG / "server.toml", "etc/yichuang/server.toml"),
                      (ROOT / "LICENSE", "usr/share/doc/yichuang/copyright"),
                      (ROOT / "docs" / "settings.md", "usr/share/doc/yichuang/settings.md")):
        (stage / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, stage / dest)
    del py


def control(stage: pathlib.Path, depends: list[str], recommends: list[str],
            floor: str) -> None:
    debian = stage / "DEBIAN"
    debian.mkdir()
    size_kb = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file()) // 1024
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True,
                          text=True, check=True).stdout.strip()
    (debian / "control").write_text(
        f"Package: yichuang\nVersion: {VERSION}\nArchitecture: {arch}\n"
        "Maintainer: Yichuang contributors <yichuang@localhost>\n"
        f"Installed-Size: {size_kb}\nSection: misc\nPriority: optional\n"
        f"Depends: {', '.join([*depends, 'adduser', 'debconf (>= 0.5) | debconf-2.0'])}\n"
        + (f"Recommends: {', '.join(recommends)}\n" if recommends else "") +
        "Description: 一窗 Yichuang: service windows of government service halls\n"
        " The counter, the self-service kiosk and the sync server (city or hall node)\n"
        " of a 政务服务中心, with their own Python runtime under /opt/yichuang.\n"
        f" Needs glibc {floor} or later (Debian 12, Ubuntu 22.04 and bases built on them).\n")
    (debian / "conffiles").write_text("/etc/yichuang/server.toml\n")
    for script in ("config", "postinst", "prerm", "postrm", "templates"):
        shutil.copy2(PKG / script, debian / script)
    sums = []
    for path in sorted(p for p in stage.rglob("*") if p.is_file() and not p.is_symlink()):
        rel = path.relative_to(stage)
        if rel.parts[0] != "DEBIAN":
            sums.append(f"{hashlib.md5(path.read_bytes()).hexdigest()}  {rel}")
    (debian / "md5sums").write_text("\n".join(sums) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lock", type=pathlib.Path,
                        default=ROOT / "requirements" / "deb-runtime.txt")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    stage = WORK / "root"
    shutil.rmtree(WORK, ignore_errors=True)
    stage.mkdir(parents=True)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(WORK), str(ROOT)])
    (wheel,) = WORK.glob("yichuang-*.whl")
    py = stage / OPT.relative_to("/") / "python"
    copy_interpreter(py)
    site = py / "lib" / f"python{PYVER}" / "site-packages"
    install_packages(site, wheel, args.lock)
    freed = trim_qt(site)
    print(f"trimmed Qt modules the desk does not use: {freed / 2**20:.0f} MiB")
    bundle_libraries(py, site)
    run([str(py / "bin" / f"python{PYVER}"), "-I", "-m", "compileall", "-q", "-j0",
         "--invalidation-mode", "unchecked-hash", "-s", str(stage), "-p", "/",
         str(py / "lib" / f"python{PYVER}")], capture_output=True)
    faces = [f for f in FACES if f == "counter" or (site / "desktop" / f / "__init__.py").exists()]
    lay_out_files(stage, faces)
    elves = [p for p in stage.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    floor = glibc_floor(elves)
    depends, recommends = system_depends(stage)
    control(stage, depends, recommends, floor)
    args.out.mkdir(parents=True, exist_ok=True)
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    deb = args.out / f"yichuang_{VERSION}_{arch}.deb"
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(deb)])
    print(f"built {deb} ({deb.stat().st_size / 2**20:.1f} MiB); glibc floor {floor}; "
          f"faces {', '.join(faces)}; Depends: {', '.join(depends)}; "
          f"Recommends: {', '.join(recommends)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
