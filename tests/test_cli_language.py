"""Issue 15.12 (the CLI) and 15.13: one language on the command line, Chinese.

The help was English and the errors Chinese. A hall's IT staff read Chinese and every
layer's errors were Chinese already, so the help, argparse's own words and the errors
are Chinese now; command and flag names are unchanged.
"""

from __future__ import annotations

import re

from desktop.cli import build_parser
from desktop.cli_text import untranslated
from tests.test_cli_domain import yichuang

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_help_text_is_chinese():
    assert untranslated(build_parser()) == []


def test_help_is_chinese_and_keeps_every_command_and_flag():
    r = yichuang("--help")
    assert r.returncode == 0
    assert r.stdout.startswith("用法: yichuang")
    assert "显示本帮助并退出" in r.stdout and "show this help" not in r.stdout
    for command in ("deadline", "check-id", "counter", "kiosk", "demo", "stats", "enroll",
                    "sync", "server", "admin", "print", "device", "simulate"):
        assert re.search(rf"^\s+{command}\s+\S*{CJK.pattern}", r.stdout, re.M), command
    sub = yichuang("deadline", "--help").stdout
    assert "--accepted ACCEPTED" in sub and "--days DAYS" in sub and "受理日期" in sub


def test_argparse_errors_are_chinese():
    r = yichuang("deadline")
    assert r.returncode == 2
    assert "错误: 缺少必需的参数：--accepted, --days" in r.stderr
    assert "the following arguments" not in r.stderr
    r = yichuang("nosuch")
    assert "没有命令 'nosuch'" in r.stderr
    r = yichuang("deadline", "--accepted", "2026-09-30", "--days", "x")
    assert "参数 --days 的值 'x' 无效" in r.stderr


def test_stats_refuses_a_folder_that_holds_no_terminal(tmp_path):
    typo = tmp_path / "typo"
    r = yichuang("stats", "--data-dir", str(typo))
    assert r.returncode == 2
    assert "没有本终端的数据" in r.stderr and str(typo) in r.stderr
    assert not typo.exists()  # no empty replica was made there
    r = yichuang("--data-dir", str(tmp_path), "stats")  # an empty folder: the same
    assert r.returncode == 2 and not list(tmp_path.iterdir())
