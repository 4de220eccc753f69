"""The CLI as subprocesses (``python -m devices.cli``) against in-process simulators."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from devices.idcard.simulator import IdCardReaderSimulator
from devices.printer.simulator import PrinterSimulator

ROOT = Path(__file__).resolve().parents[2]
QUERIES = bytes.fromhex("10 04 01 10 04 02 10 04 04")


def timed(cli, *args):
    start = time.monotonic()
    result = cli(*args)
    return result, time.monotonic() - start


def test_read_id_prints_one_masked_json_object(cli, idcard_sim):
    result, _ = timed(cli, "device", "read-id", "--port", idcard_sim.port)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    card = json.loads(lines[0])
    assert card == {
        "card_type": "resident", "name": "张三", "gender": "男", "nation": "汉族",
        "birth_date": "1949-12-31", "address": "北京市朝阳区建国路1号",
        "id_number": "1101**********002X", "authority": "北京市公安局朝阳分局",
        "valid_from": "2015-01-01", "valid_to": "2035-01-01",
    }
    assert "张三" in result.stdout  # ensure_ascii=False


def test_read_id_j_card_and_show_id(cli):
    with IdCardReaderSimulator("chendawen", split=True, stray=True) as sim:
        result = cli("device", "read-id", "--port", sim.port, "--show-id")
    card = json.loads(result.stdout)
    assert card["id_number"] == "810000199001010019"
    assert card["pass_number"] == "H12345678" and card["issue_count"] == 1
    assert card["nation"] == ""


def test_read_id_long_term(cli):
    with IdCardReaderSimulator("ayguli") as sim:
        assert json.loads(cli("device", "read-id", "--port", sim.port).stdout)["valid_to"] == "长期"


@pytest.mark.parametrize("setup", ["no_card", "garbage", "silent", "unplugged"])
def test_read_id_failures_exit_non_zero_within_5_s(cli, idcard_sim, setup):
    if setup == "no_card":
        idcard_sim.remove()
    elif setup == "unplugged":
        idcard_sim.unplug()
    else:
        idcard_sim.set_mode(setup)
    result, took = timed(cli, "device", "read-id", "--port", idcard_sim.port)
    assert result.returncode != 0
    assert result.stdout == ""
    assert result.stderr.strip()
    assert took < 5
    code = {"no_card": "idcard.no_card", "garbage": "idcard.protocol",
            "silent": "idcard.timeout", "unplugged": "idcard.unavailable"}[setup]
    assert code in result.stderr


def test_rate_yc_pad(cli, pad_sim):
    pad_sim.set_auto(2, "slow", delay=0.2)
    result = cli("device", "rate", "--port", pad_sim.port, "--protocol", "yc-pad",
                 "--staff", "007|李明", "--timeout", "5")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"level": 2, "reason": "slow"}
    assert pad_sim.display["screen"] == "thanks"


def test_rate_timeout_exits_non_zero(cli, pad_sim):
    result, took = timed(cli, "device", "rate", "--port", pad_sim.port, "--staff", "007|李明",
                         "--timeout", "1")
    assert result.returncode != 0 and result.stdout == ""
    assert "no rating" in result.stderr and took < 5


def test_rate_keypad(cli, keypad_sim):
    proc = subprocess.Popen(
        [sys.executable, "-m", "devices.cli", "device", "rate", "--port", keypad_sim.port,
         "--protocol", "keypad", "--timeout", "5"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    time.sleep(1.0)  # the CLI discards presses made before it asks
    keypad_sim.press(4)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert json.loads(out) == {"level": 4, "reason": None}


def test_print_test_on_pty_and_tcp(cli, printer_sim):
    for url in (printer_sim.port, printer_sim.tcp_url):
        printer_sim.clear()
        result = cli("device", "print-test", "--port", url)
        assert result.returncode == 0, result.stderr
        printed = printer_sim.printed_bytes()
        assert "政务服务中心".encode("gb18030") in printed
        assert b"\x1d\x6b\x49" in printed and printed.endswith(b"\x1d\x56\x42\x00")


@pytest.mark.parametrize("state", ["paper_out", "cover_open"])
def test_print_test_not_ready_sends_only_queries(cli, state):
    with PrinterSimulator(state, tcp_port=0) as sim:
        result, took = timed(cli, "device", "print-test", "--port", sim.tcp_url)
        time.sleep(0.1)
        assert result.returncode != 0 and took < 5
        assert f"printer.{state}" in result.stderr
        assert bytes(sim.captured) == QUERIES


def test_print_test_without_printer(cli):
    result, took = timed(cli, "device", "print-test", "--port", "socket://127.0.0.1:1")
    assert result.returncode != 0 and "printer.unavailable" in result.stderr and took < 5


def test_simulate_prints_its_port_first_and_serves(cli, tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "devices.cli", "simulate", "idcard", "--card", "smith"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT,
    )
    try:
        port = proc.stdout.readline().strip()
        result = cli("device", "read-id", "--port", port)
        assert json.loads(result.stdout)["card_type"] == "foreign_2017"
        proc.stdin.write("remove\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "ok"
        assert cli("device", "read-id", "--port", port, "--wait", "0.5").returncode != 0
    finally:
        proc.terminate()
        proc.wait(5)
    assert proc.returncode == 0
    assert not os.path.exists(port)  # cleaned up on SIGTERM


def test_simulate_printer_tcp(cli, tmp_path):
    png = tmp_path / "slip.png"
    proc = subprocess.Popen(
        [sys.executable, "-m", "devices.cli", "simulate", "printer", "--tcp", "--png", str(png)],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT,
    )
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("socket://127.0.0.1:")
        assert cli("device", "print-test", "--port", url).returncode == 0
    finally:
        proc.terminate()
        proc.wait(5)
    assert png.read_bytes().startswith(b"\x89PNG")
