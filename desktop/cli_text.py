"""The command line speaks Chinese: help, argparse's own words, and errors alike.

Who types `yichuang` is a hall's IT staff member, and the errors every layer prints are
already Chinese (错误: …); help in English beside them made one tool speak two
languages. So the help follows the errors, not the other way round. Command and flag
names stay as they are (scripts and the README use them), and so does a help text's
technical part (URLs, file suffixes, `%(default)s`).

The layers register their sub-commands with English help (they must not import Qt or
this module); `localize` replaces each help text from `HELP` once the parser is built,
and tests/test_translations.py fails on any help left without a Chinese line, so a new
option cannot slip in untranslated.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

CJK = re.compile(r"[\u4e00-\u9fff]")

HELP: dict[str, str] = {
    # desktop
    "this terminal's data folder (default: the user data folder); several terminals can "
    "run side by side with different folders":
        "本终端的数据文件夹（默认：用户数据文件夹）；用不同的文件夹可在一台电脑上同时运行多个终端",
    "this terminal's data folder": "本终端的数据文件夹",
    "the deadline of a promised item accepted on a day": "计算承诺件在某日受理后的办结期限",
    "acceptance date, YYYY-MM-DD": "受理日期，格式 YYYY-MM-DD",
    "promised working days": "承诺时限（工作日数）",
    "a calendar JSON file instead of the shipped one": "改用指定的节假日日历 JSON 文件",
    "check a resident ID number (GB 11643)": "校验居民身份证号码（GB 11643）",
    "start the counter": "启动窗口受理界面",
    "start the kiosk": "启动自助登记机界面",
    "start the supervisor": "启动电子监察界面",
    "seed the demo catalog and start simulated devices": "载入演示事项目录并启动模拟设备",
    "the demo: counter on a local replica with demo data": "演示：本机演示数据上的窗口受理界面",
    "save a PNG of each main screen into DIR and exit": "把每个主要界面截图存为 PNG 到 DIR 后退出",
    # sync
    "write N demo cases through the counter's code": "按窗口受理的流程写入 N 件演示办件",
    "print the replica's figures as JSON: counts, its size and the bytes an event kept in "
    "full costs": "以 JSON 输出本机数据的统计数字：数量、占用空间和每条完整保存的事件所占字节",
    "enrol this terminal with a sync server": "向同步服务器注册本终端",
    "e.g. http://10.0.0.5:8470": "如 http://10.0.0.5:8470",
    "one-time enrolment code from the admin": "管理员给出的一次性注册码",
    "a name for this terminal (optional)": "本终端的名称（可选）",
    "sync this terminal with its server": "与服务器同步本终端",
    "sync until nothing is left (or the server is unreachable), print JSON":
        "同步到没有待传数据（或服务器连不上）为止，输出 JSON",
    "seconds between rounds when not --once": "不带 --once 时每轮同步的间隔秒数",
    # server
    "run the sync server (SQLite file or PostgreSQL)": "运行同步服务器（SQLite 文件或 PostgreSQL）",
    "worker processes serving the same database (the city server on PostgreSQL: about one "
    "per core; a hall node runs one)":
        "服务同一数据库的工作进程数（市级服务器用 PostgreSQL 时约每个 CPU 核一个；大厅节点只用一个）",
    "administer the server database: halls, staff, codes": "管理服务器数据库：大厅、人员、注册码",
    "halls": "大厅",
    "add (or rename) a hall": "添加（或改名）大厅",
    "list halls": "列出大厅",
    "print a one-time enrolment code for a hall": "生成某大厅的一次性终端注册码",
    "staff": "人员",
    "add or update a staff member of a hall": "添加或更新大厅的工作人员",
    "work number (工号), used to log in": "工号，登录时使用",
    "clerk, reviewer, supervisor, guide or admin":
        "角色：clerk（窗口）、reviewer（审批）、supervisor（监察）、guide（导办）或 admin（管理员）",
    "staff id (default: S<no>)": "人员编号（默认：S<工号>）",
    "window id, e.g. W01": "窗口编号，如 W01",
    "initial password (or set YICHUANG_STAFF_PASSWORD)": "初始密码（或设置环境变量 YICHUANG_STAFF_PASSWORD）",
    "service catalog": "事项目录",
    "import a catalog file into a hall": "把事项目录文件导入大厅",
    "hall code (default: the file's)": "大厅代码（默认：文件中的）",
    "terminals": "终端",
    "list terminals": "列出终端",
    "revoke a terminal's token": "吊销终端的令牌",
    "4-digit terminal code or terminal id": "4位终端代码或终端编号",
    "sqlite:///path or postgresql://user@host/db (default: %(default)s)":
        "sqlite:///路径 或 postgresql://用户@主机/数据库（默认：%(default)s）",
    # printing
    "print a slip, receipt or notice to a file": "把告知单、回执或通知书输出到文件",
    "case number (or slip number)": "办件编号（或告知单编号）",
    "a demo case of the demo catalog": "演示目录中的一个演示办件",
    "file to write": "输出文件",
    "default: from the --out suffix (.pdf .png .bin), else pdf":
        "默认：按 --out 的后缀（.pdf .png .bin），否则 pdf",
    "receipt paper width in mm (escpos, png)": "小票纸宽，毫米（escpos、png）",
    "demo: a long material list": "演示：很长的材料清单",
    "staff number printed on the paper": "印在文书上的工号",
    "date printed, YYYY-MM-DD (default today)": "文书日期，YYYY-MM-DD（默认今天）",
    "JSON file of hall print settings": "大厅打印设置的 JSON 文件",
    # devices
    "talk to a device (ID reader, pad, printer)": "直接操作设备（身份证阅读器、评价器、打印机）",
    "read one ID card and print it as JSON": "读一张身份证，以 JSON 输出",
    "COM3, /dev/ttyUSB0, a pty, socket://h:p": "COM3、/dev/ttyUSB0、伪终端或 socket://主机:端口",
    "print the ID number unmasked": "输出完整的身份证号码（不打码）",
    "seconds to wait for a card": "等待放卡的秒数",
    "ask for a satisfaction rating on a pad": "在评价器上请群众评价",
    '"STAFF_NO|NAME"': "“工号|姓名”",
    'keypad table, e.g. "1=5,2=4,3=3,4=2,5=1"': "按键对照表，如 “1=5,2=4,3=3,4=2,5=1”",
    "YC-PAD bus address": "YC-PAD 总线地址",
    "check the printer status and print a test slip": "检查打印机状态并打印测试小票",
    "serial/pty, socket://127.0.0.1:9100, usb:VID:PID": "串口/伪终端、socket://127.0.0.1:9100 或 usb:VID:PID",
    "CJK TrueType font for rare characters": "用于生僻字的中文 TrueType 字体",
    "run a device simulator on a pty (or TCP)": "在伪终端（或 TCP）上运行设备模拟器",
    "also listen on 127.0.0.1:PORT (any free port if none given); the first line printed "
    "is then socket://127.0.0.1:PORT":
        "同时监听 127.0.0.1:端口（不指定则任选空闲端口）；首行输出 socket://127.0.0.1:端口",
    "idcard/pad: ok|garbage|silent; printer: ok|paper_near_end|paper_out|cover_open|"
    "offline|error":
        "阅读器/评价器：ok|garbage|silent；打印机：ok|paper_near_end|paper_out|cover_open|"
        "offline|error",
    "idcard: chunked frames, stray bytes": "idcard：分段发送数据帧并夹杂多余字节",
    "idcard: sample card (zhangsan, wangfang, ayguli, chendawen, smith, williamson) or "
    "'none'":
        "idcard：样例身份证（zhangsan、wangfang、ayguli、chendawen、smith、williamson）或 'none'",
    "ignore stdin (no control commands)": "不读标准输入（不接受控制命令）",
    "pad": "评价器",
    'pad: answer every request with "LEVEL[|REASON]"': "pad：对每次请求都回答 “等级[|原因]”",
    "pad: seconds before --key": "pad：按 --key 前等待的秒数",
    "printer: draw what was printed to this PNG on exit": "printer：退出时把打印内容画到此 PNG",
    # added with issues 9–12 (report, queue, display, hall node, calendar, catalog, law)
    'start the display':
        '启动大厅叫号显示屏界面',
    'figures and the monthly review (replica or server)':
        '统计数字与月度考核报告（本机数据或服务器）',
    'queue tickets: take, call, status (JSON)':
        '排队叫号：取号、叫号、状态（JSON）',
    'the day it is printed, YYYY-MM-DD (default today); a paper bears the date of the decision it records':
        '打印日期 YYYY-MM-DD（默认今天）；文书落款为其记载决定的日期',
    'run as a hall node that forwards to this server (the city, or a county node)':
        '作为大厅节点运行，向此上级服务器转发（市级或县级节点）',
    "the node's one-time code from `admin enroll-code --node` upstream (first start only)":
        '上级用 `admin enroll-code --node` 生成的节点注册码（仅首次启动需要）',
    'seconds between rounds with the upstream while it is reachable':
        '与上级连通时每轮同步的间隔秒数',
    'a name for this node, shown upstream':
        '本节点的名称，显示在上级服务器上',
    'a demo server: seed an empty database with the demo hall and keep its staff (password 1234); without it, demo passwords are disabled':
        '演示服务器：在空数据库中载入演示大厅并保留其人员（密码 1234）；不带此项时演示密码一律停用',
    'take a ticket for a zone (a walk-in)':
        '为某服务区取号（现场取号）',
    'call the next ticket for a window':
        '为某窗口呼叫下一位',
    'waiting per zone, windows, recent calls':
        '各服务区等候人数、窗口、最近叫号',
    'window id (W03) or number (3)':
        '窗口编号（W03）或号数（3）',
    'who calls (staff id)':
        '叫号人（工作人员编号）',
    'call this number instead of the next':
        '呼叫指定号码而不是下一位',
    'do not end the ticket the window has now':
        '不结束本窗口当前正在办理的号',
    'zone id (Z1) or its letter (A)':
        '服务区编号（Z1）或字母（A）',
    'a priority ticket; optionally the kind: elderly, disabled, pregnant, military, other':
        '优先号；可指定类别：elderly（老年）、disabled（残疾）、pregnant（孕妇）、military（军人）、other（其他）',
    'appointment time, HH:MM today or ISO':
        '预约时间，今天的 HH:MM 或 ISO 格式',
    'who takes it (staff id)':
        '取号人（工作人员编号）',
    "work against the server's back office over the network instead of this terminal's replica":
        '通过网络连接服务器的后台审批，而不是使用本机数据',
    "the hall's code (with --server)":
        '大厅代码（与 --server 一起使用）',
    'the figures of a period, one row per group':
        '某一时段的统计数字，每组一行',
    "the hall's monthly review as an A4 PDF":
        '大厅月度考核报告（A4 PDF）',
    "a terminal's data folder (its replica)":
        '终端的数据文件夹（本机数据）',
    "the server's database URL instead of a replica":
        '改用服务器数据库 URL，而不是本机数据',
    'hall code (with --db; default every hall)':
        '大厅代码（与 --db 一起使用；默认全部大厅）',
    'counts as JSON: events, cases, terminals, and on a hall node upstream_pending':
        '以 JSON 输出数量：events、cases、terminals，大厅节点另有 upstream_pending',
    "show or set a hall's queue rules (JSON)":
        '查看或设置大厅的叫号规则（JSON）',
    'enable standard catalog items in a hall':
        '在大厅启用标准目录中的事项',
    "set a hall's opening periods and duty roster (JSON)":
        '设置大厅的办理时段和值班表（JSON）',
    'hall code':
        '大厅代码',
    '{"periods": [...], "duty": [...]}':
        '{"periods": [...], "duty": [...]}（办理时段与值班表）',
    'the hall above this one (city → county → township → village)':
        '上级大厅（市 → 县 → 乡镇 → 村）',
    'window ids, comma-separated (default: all)':
        '窗口编号，逗号分隔（默认全部窗口）',
    'opening period ids, comma-separated':
        '办理时段编号，逗号分隔',
    'not offered at the kiosk':
        '自助登记机不提供此事项',
    'department id (D05 …): required for a reviewer or a head':
        '部门编号（D05 …）：审批人员和负责人必填',
    'a code for a hall node (yichuang server --upstream-code)':
        '生成大厅节点的注册码（yichuang server --upstream-code）',
    'with --node: terminal codes the node may give (default %(default)s)':
        '与 --node 一起使用：节点可分配的终端编号数（默认 %(default)s）',
    "load a year's schedule: CSV with header date,kind,name":
        '载入某年的节假日安排：CSV，表头为 date,kind,name',
    'print a loaded year as CSV (loadable again)':
        '以 CSV 输出已载入的某年安排（可再次导入）',
    'import a new version of a standard catalog (or a hall file: its items, enabled in its hall)':
        '导入标准事项目录的新版本（或大厅文件：其事项并在该大厅启用）',
    'say what importing a catalog file would change':
        '列出导入某目录文件将带来的变化',
    "the catalog's level (default: the file's, else province)":
        '目录层级（默认取文件中的，否则为省级）',
    "a hall file's hall code (default: the file's)":
        '大厅文件的大厅代码（默认取文件中的）',
    'a JSON file of rules to set':
        '要设置的规则 JSON 文件',
    'this hall and those below it':
        '本大厅及其下级大厅',
    # 好差评 by SMS (issue 9)
    'send due invitations and read replies (this terminal)':
        '发送到期的评价短信邀请并读取回复（本终端）',
    "simulator: a citizen's reply as a file":
        '模拟器：把群众的回复写成文件',
    'the invitation queue and the replies, as JSON':
        '以 JSON 输出短信邀请队列和回复',
    'the invitation answered (its file name)':
        '所回复的邀请（其文件名）',
    'or the number the reply comes from':
        '或回复来自的手机号码',
    'one round, print JSON':
        '只运行一轮，输出 JSON',
    "the folder simulator instead of the hall's gateway":
        '使用文件夹模拟器，而不是大厅的短信网关',
    "the hall's HTTP SMS gateway":
        '大厅的 HTTP 短信网关',
    'invitation text with {hall} {item} {number} (default: standard)':
        '邀请短信文本，可用 {hall} {item} {number}（默认标准文本）',
    # the release (issue 14)
    "show program's version number and exit":
        '显示程序版本号并退出',
    'set this terminal up: language, enrolment, face, devices, kiosk PIN (the first-run wizard)':
        '设置本终端：语言、注册、界面、外设、自助机管理密码（首次使用向导）',
    'start the face this terminal was set up for (the set-up wizard first on a new terminal)':
        '启动本终端设置的界面（新终端先打开设置向导）',
    'a TOML file of these options, e.g. /etc/yichuang/server.toml (the command line wins)':
        '以 TOML 文件给出以上选项，如 /etc/yichuang/server.toml（命令行优先）',
    'the face to pre-select':
        '预先选中的界面',
    # sync hardening (issue 13)
    'copy a SQLite server database while it runs (PostgreSQL: pg_dump, see docs/backup.md)':
        '在运行中复制 SQLite 服务器数据库（PostgreSQL 请用 pg_dump，见 docs/backup.md）',
    'list live terminals: one row each, with version and last contact':
        '列出在用终端：每台一行，含程序版本和最近联系时间',
    'revoked terminals too':
        '也列出已停用的终端',
    'the backup file to write (must not exist)':
        '要写入的备份文件（不得已存在）',
    'e.g. http://10.0.0.5:8470 (default when re-enrolling: the current one)':
        '如 http://10.0.0.5:8470（重新注册时默认为当前服务器）',
    're-enrol an enrolled terminal: its old token is revoked, pending records are kept and go out under the new identity':
        '重新注册已注册的终端：旧凭据停用，未同步的记录保留并以新身份发送',
}
"""English help as the layers wrote it → what `yichuang --help` shows."""

PREFIXES = {"one of: ": "可选："}
"""Help texts built at run time (a list of names after a fixed beginning)."""

# argparse's own error sentences (Python 3.11) → ours
ERRORS = (
    (re.compile(r"^the following arguments are required: (.+)$"), "缺少必需的参数：{0}"),
    (re.compile(r"^argument 命令: invalid choice: (.+) \(choose from (.+)\)$"),
     "没有命令 {0}（可用的命令：{1}）"),
    (re.compile(r"^argument (\S+): invalid choice: (.+) \(choose from (.+)\)$"),
     "参数 {0} 的值 {1} 无效（可选：{2}）"),
    (re.compile(r"^argument (\S+): invalid (\w+) value: (.+)$"), "参数 {0} 的值 {2} 无效"),
    (re.compile(r"^argument (\S+): expected one argument$"), "参数 {0} 需要一个值"),
    (re.compile(r"^argument (\S+): not allowed with argument (\S+)$"), "参数 {0} 不能与 {1} 同时使用"),
    (re.compile(r"^one of the arguments (.+) is required$"), "必须给出其中一个参数：{0}"),
    (re.compile(r"^unrecognized arguments: (.+)$"), "无法识别的参数：{0}"),
    (re.compile(r"^invalid choice: (.+) \(choose from (.+)\)$"), "无效的命令 {0}（可选：{1}）"),
)


def error_text(message: str) -> str:
    """argparse's English error sentence in Chinese (unknown ones are kept as they are)."""
    for pattern, text in ERRORS:
        m = pattern.match(message)
        if m:
            return text.format(*m.groups())
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    """用法: … instead of usage: …"""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[override]
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "用法: ")


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese headings, -h help and error sentences (sub-parsers too)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 错误: {error_text(message)}\n")


def translate(text: str) -> str:
    """One help text in Chinese: from the table, else kept (the test lists those)."""
    if text in HELP:
        return HELP[text]
    for prefix, chinese in PREFIXES.items():
        if text.startswith(prefix):
            return chinese + text[len(prefix):]
    return text


def localize(parser: argparse.ArgumentParser) -> None:
    """Every help text of `parser` and its sub-commands, in Chinese."""
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = translate(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for pseudo in action._choices_actions:
                if pseudo.help:
                    pseudo.help = translate(pseudo.help)
            for sub in set(action.choices.values()):
                localize(sub)


def untranslated(parser: argparse.ArgumentParser) -> list[str]:
    """Help texts left without Chinese (tests: a new option needs its line in HELP)."""
    found: list[str] = []
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS and not CJK.search(action.help):
            found.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            found += [p.help for p in action._choices_actions
                      if p.help and not CJK.search(p.help)]
            for sub in set(action.choices.values()):
                found += untranslated(sub)
    return found
