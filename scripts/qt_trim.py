"""Keep only the part of Qt the desk uses, and check every DLL it needs is there.

PySide6-Addons brings QtWebEngine, Qt Quick 3D, Qt Designer… (≈ 650 MB unpacked on
Windows); the desk imports a handful of Qt modules. The DLLs to keep are the closure of
those modules' import tables (read straight from the PE files, so it works on Linux
too), plus the plugins Qt loads at run time. The same reader checks that no kept binary
imports a DLL that is neither shipped nor part of Windows.
"""

from __future__ import annotations

import pathlib
import shutil
import struct

# Qt modules the desk imports (scripts/build_windows.py checks the sources agree)
# the supervisor's charts (QtCharts) and the hall display's chime (QtMultimedia) included
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtPdf", "QtTextToSpeech",
              "QtSvg", "QtNetwork", "QtCharts", "QtMultimedia")
KEEP_DIRS = ("plugins",)
DROP_PLUGINS = ("qmltooling", "designer", "sceneparsers", "renderers", "geometryloaders",
                "position", "sensors", "webview", "canbus", "sqldrivers", "assetimporters",
                "qmlls", "qmllint", "help", "scxmldatamodel", "renderplugins", "3dinputdevices",
                "networkinformation", "generic")
KEEP_TRANSLATIONS = ("qtbase_zh_CN.qm", "qt_zh_CN.qm", "qtbase_en.qm", "qt_en.qm")
# DLLs every Windows 10/11 has (the api-ms-win-* sets are checked by prefix)
WINDOWS_DLLS = {
    "kernel32.dll", "user32.dll", "gdi32.dll", "advapi32.dll", "shell32.dll", "ole32.dll",
    "oleaut32.dll", "ws2_32.dll", "winmm.dll", "comdlg32.dll", "winspool.drv", "imm32.dll",
    "dwmapi.dll", "uxtheme.dll", "version.dll", "netapi32.dll", "userenv.dll", "mpr.dll",
    "shlwapi.dll", "crypt32.dll", "secur32.dll", "bcrypt.dll", "ncrypt.dll", "iphlpapi.dll",
    "dnsapi.dll", "d3d11.dll", "d3d12.dll", "dxgi.dll", "d3d9.dll", "dwrite.dll", "d2d1.dll",
    "opengl32.dll", "setupapi.dll", "wtsapi32.dll", "authz.dll", "rpcrt4.dll", "shcore.dll",
    "dcomp.dll", "ntdll.dll", "msvcrt.dll", "powrprof.dll", "wininet.dll", "winhttp.dll",
    "mf.dll", "mfplat.dll", "mfreadwrite.dll", "mfuuid.dll", "evr.dll", "strmiids.dll",
    "wmcodecdspuuid.dll", "propsys.dll", "mmdevapi.dll", "ksuser.dll", "dbghelp.dll",
    "usp10.dll", "msimg32.dll", "comctl32.dll", "oleacc.dll", "hid.dll", "cfgmgr32.dll",
    "wevtapi.dll", "psapi.dll", "normaliz.dll", "wldap32.dll", "d3dcompiler_47.dll",
    "avrt.dll", "dxva2.dll", "mfcore.dll", "sapi.dll", "windowsapp.dll", "runtimeobject.dll",
    "python3.dll", "python312.dll", "netutils.dll", "srvcli.dll", "urlmon.dll",
    "uiautomationcore.dll", "sfc.dll", "rasapi32.dll", "query.dll", "pdh.dll", "odbc32.dll",
    "ntdsapi.dll", "mswsock.dll", "lz32.dll", "loadperf.dll", "ktmw32.dll", "dsound.dll",
    "credui.dll", "activeds.dll", "aclui.dll",
    # Windows 10 1903 and later ship ICU; Qt 6's Windows build uses it
    "icuuc.dll", "icuin.dll", "icu.dll",
}


def pe_imports(path: pathlib.Path) -> list[str]:
    """The DLL names a PE file (.exe/.dll/.pyd) imports, lower-case; [] if not a PE."""
    data = path.read_bytes()
    if data[:2] != b"MZ":
        return []
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        return []
    sections_count, opt_size = struct.unpack_from("<H12xH", data, pe + 6)
    opt = pe + 24
    magic = struct.unpack_from("<H", data, opt)[0]
    dirs = opt + (112 if magic == 0x20B else 96)
    import_rva = struct.unpack_from("<I", data, dirs + 8)[0]
    sections = []
    for i in range(sections_count):
        s = opt + opt_size + 40 * i
        vsize, va, rsize, raw = struct.unpack_from("<IIII", data, s + 8)
        sections.append((va, max(vsize, rsize), raw))

    def offset(rva: int) -> int:
        for va, size, raw in sections:
            if va <= rva < va + size:
                return rva - va + raw
        raise ValueError(f"{path.name}: RVA {rva:#x} outside every section")

    names = []
    if not import_rva:
        return names
    pos = offset(import_rva)
    while True:
        name_rva = struct.unpack_from("<I", data, pos + 12)[0]
        if name_rva == 0:
            break
        start = offset(name_rva)
        names.append(data[start:data.index(b"\0", start)].decode("ascii").lower())
        pos += 20
    return names


def _closure(folder: pathlib.Path, roots: list[pathlib.Path]) -> set[str]:
    """File names (lower-case) in `folder` reachable from `roots` through DLL imports."""
    present = {p.name.lower(): p for p in folder.iterdir() if p.suffix.lower() in (".dll", ".pyd")}
    keep: set[str] = set()
    todo = [r.name.lower() for r in roots]
    while todo:
        name = todo.pop()
        if name in keep or name not in present:
            continue
        keep.add(name)
        todo += pe_imports(present[name])
    return keep


def trim_pyside(pyside: pathlib.Path, modules: tuple[str, ...] = QT_MODULES) -> int:
    """Delete what the desk does not use from lib/PySide6; the bytes freed."""
    roots = [p for m in modules for p in pyside.glob(f"{m}.pyd")]
    roots += [p for p in pyside.glob("*.dll") if p.name.lower().startswith(("pyside6", "msvcp",
                                                                              "vcruntime"))]
    keep = _closure(pyside, roots)
    freed = 0
    for entry in list(pyside.iterdir()):
        name = entry.name.lower()
        if entry.is_dir():
            if entry.name == "plugins":
                freed += _trim_plugins(entry, keep)
            elif entry.name == "translations":
                for qm in list(entry.iterdir()):
                    if qm.name not in KEEP_TRANSLATIONS:
                        freed += _remove(qm)
            else:  # qml, resources (WebEngine), metatypes, include, typesystems, …
                freed += _remove(entry)
        elif name.endswith((".dll", ".pyd")):
            if name not in keep:
                freed += _remove(entry)
        elif name.endswith((".exe", ".pyi")):
            freed += _remove(entry)
    return freed


def _trim_plugins(plugins: pathlib.Path, keep: set[str]) -> int:
    """Drop plugin folders nobody here uses, and any plugin needing a dropped DLL."""
    freed = 0
    for sub in list(plugins.iterdir()):
        if sub.name in DROP_PLUGINS:
            freed += _remove(sub)
            continue
        for plugin in list(sub.rglob("*.dll")):
            needed = [d for d in pe_imports(plugin) if d not in WINDOWS_DLLS
                      and not d.startswith(("api-ms-win-", "ext-ms-"))]
            if any(d not in keep for d in needed):
                freed += _remove(plugin)
    return freed


def _remove(path: pathlib.Path) -> int:
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() \
        else path.stat().st_size
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    return size


def missing_dlls(tree: pathlib.Path, interpreter_dir: pathlib.Path | None) -> list[str]:
    """Binaries importing a DLL that is neither beside them, in PySide6, nor Windows'."""
    shipped = {p.name.lower() for p in tree.rglob("*") if p.suffix.lower() in (".dll", ".pyd")}
    if interpreter_dir is not None and interpreter_dir.exists():
        shipped |= {p.name.lower() for p in interpreter_dir.iterdir()}
    problems = []
    for binary in tree.rglob("*"):
        if binary.suffix.lower() not in (".dll", ".pyd"):
            continue
        for dll in pe_imports(binary):
            if dll in shipped or dll in WINDOWS_DLLS or dll.startswith(("api-ms-win-",
                                                                          "ext-ms-")):
                continue
            if dll.startswith("python3") and interpreter_dir is None:
                continue  # staging without the interpreter
            problems.append(f"{binary.relative_to(tree)} needs {dll}")
    return problems
