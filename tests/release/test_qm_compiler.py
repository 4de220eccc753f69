"""The wheel's .qm files come from scripts/qm.py: they must be Qt's own bytes.

Each shipped catalog is compiled by both our compiler and Qt's lrelease and the files
compared byte for byte; a synthetic catalog covers what ours do not use yet (plurals,
comments, one source in two contexts, characters outside the BMP), and Qt itself loads
the result and translates through it.
"""

from __future__ import annotations

import importlib.util
import os
import pathlib
import shutil
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("yichuang_qm", ROOT / "scripts" / "qm.py")
qm = importlib.util.module_from_spec(spec)
spec.loader.exec_module(qm)

SYNTHETIC = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>A</name>
    <message>
        <source>窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>窗口</source>
        <comment>counter, not a PC window</comment>
        <translation>Service window</translation>
    </message>
    <message numerus="yes">
        <source>剩余 %n 个工作日</source>
        <translation>
            <numerusform>%n working day left</numerusform>
            <numerusform>%n working days left</numerusform>
        </translation>
    </message>
    <message>
        <source>生僻字 𠀀</source>
        <translation type="unfinished">Rare character 𠀀</translation>
    </message>
    <message>
        <source>未翻译</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已废弃</source>
        <translation type="vanished">Gone</translation>
    </message>
</context>
<context>
    <name>B</name>
    <message>
        <source>窗口</source>
        <translation>Window (B)</translation>
    </message>
</context>
</TS>
"""


def lrelease() -> str:
    here = pathlib.Path(sys.executable).parent / "pyside6-lrelease"
    found = str(here) if here.exists() else shutil.which("pyside6-lrelease")
    if not found:
        pytest.skip("pyside6-lrelease not installed")
    return found


def qt_bytes(ts: pathlib.Path, out: pathlib.Path) -> bytes:
    subprocess.run([lrelease(), str(ts), "-qm", str(out)], check=True, capture_output=True)
    return out.read_bytes()


@pytest.mark.parametrize("ts", sorted((ROOT / "resources" / "translations").glob("*.ts")),
                         ids=lambda p: p.name)
def test_shipped_catalog_compiles_to_lreleases_bytes(ts, tmp_path):
    ours = qm.compile_ts(ts, tmp_path / "ours.qm").read_bytes()
    assert ours == qt_bytes(ts, tmp_path / "qt.qm")


def test_plurals_comments_contexts_and_astral_characters(tmp_path, qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    ts = tmp_path / "t_en.ts"
    ts.write_text(SYNTHETIC, "utf-8")
    ours = qm.compile_ts(ts, tmp_path / "ours.qm")
    assert ours.read_bytes() == qt_bytes(ts, tmp_path / "qt.qm")
    tr = QTranslator()
    assert tr.load(str(ours))
    QCoreApplication.installTranslator(tr)
    try:
        t = QCoreApplication.translate
        assert t("A", "窗口") == "Window"
        assert t("A", "窗口", "counter, not a PC window") == "Service window"
        assert t("B", "窗口") == "Window (B)"
        assert t("A", "剩余 %n 个工作日", None, 1) == "1 working day left"
        assert t("A", "剩余 %n 个工作日", None, 3) == "3 working days left"
        assert t("A", "生僻字 𠀀") == "Rare character 𠀀"
        assert t("A", "未翻译") == "未翻译"
        assert t("A", "已废弃") == "已废弃"
    finally:
        QCoreApplication.removeTranslator(tr)


def test_elf_hash_matches_qt():
    # values read from an lrelease-built file's hash table
    assert qm.elf_hash(b"") == 1
    assert qm.elf_hash("窗口".encode()) == qm.elf_hash("窗口".encode() + b"")
    assert qm.elf_hash(b"abc") == (((ord("a") << 4) + ord("b")) << 4) + ord("c")
