"""`python -m desktop.i18n_build`: update yichuang_en.ts from the sources, build the .qm.

The .ts files are sources (translators edit them, git keeps them); the .qm files are
generated and not committed (.gitignore). lupdate keeps existing translations and marks
vanished strings obsolete, so running it is always safe. Other faces keep their own
catalogs (kiosk_en.ts); every .ts in resources/translations is compiled.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
# catalog name → source folders/files scanned by lupdate (non-recursive folders)
CATALOGS = {
    "yichuang": ["desktop", "desktop/counter"],
    "devices": ["desktop/devices"],
    "kiosk": ["desktop/kiosk"],
    "printing": ["desktop/printing"],
    "supervisor": ["desktop/supervisor"],
    "display": ["desktop/display"],
    "queue": ["desktop/queue"],
    "review": ["desktop/review"],
}
LANGUAGES = ("en",)


def tool(name: str) -> str:
    """pyside6-<name> next to this Python (the venv), else on PATH."""
    here = pathlib.Path(sys.executable).parent / f"pyside6-{name}"
    if here.exists():
        return str(here)
    found = shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found; install PySide6")
    return found


def sources(catalog: str, root: pathlib.Path = ROOT) -> list[str]:
    files: list[str] = []
    for entry in CATALOGS[catalog]:
        path = root / entry
        files += sorted(str(p) for p in (path.glob("*.py") if path.is_dir() else [path]))
    return files


def update(catalog: str, lang: str, root: pathlib.Path = ROOT) -> pathlib.Path:
    """lupdate one catalog; `root` a copy of the tree (the test that finds untranslated
    strings runs it on a copy, so it never rewrites the files it checks)."""
    ts = root / "resources" / "translations" / f"{catalog}_{lang}.ts"
    subprocess.run([tool("lupdate"), "-no-obsolete", "-source-language", "zh_CN",
                    "-target-language", lang, *sources(catalog, root), "-ts", str(ts)],
                   check=True, capture_output=True)
    return ts


def unfinished(ts: pathlib.Path) -> list[str]:
    """The source strings of `ts` still waiting for a translation."""
    import xml.etree.ElementTree as ET

    out = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        forms = [f.text for f in translation.findall("numerusform")] or [translation.text]
        if translation.get("type") == "unfinished" or not all(forms):
            out.append(message.findtext("source") or "")
    return out


def release(ts: pathlib.Path, qm: pathlib.Path | None = None) -> pathlib.Path:
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    """lupdate + lrelease; `--no-update` only builds the .qm files; `--check` lists the
    strings still without a translation (exit 1 when there are any)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--check" in args:
        left = {ts.name: unfinished(ts) for ts in sorted(TRANSLATIONS.glob("*.ts"))}
        for name, sources in left.items():
            for source in sources:
                print(f"{name}: {source}")
        return 1 if any(left.values()) else 0
    if "--no-update" not in args:
        for catalog in CATALOGS:
            if not any(pathlib.Path(ROOT / e).exists() for e in CATALOGS[catalog]):
                continue
            for lang in LANGUAGES:
                print(f"lupdate {update(catalog, lang).name}")
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        print(f"lrelease {ts.name} -> {release(ts).name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
