"""The commands exactly as the README gives them, end to end, in child processes."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from tests.support.servers import DEMO_CATALOG, ROOT, ServerProcess, yichuang


def test_commands_as_written(tmp_path):
    db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    assert json.loads(yichuang("admin", "--db", db, "hall", "add", "371100", "日照市政务服务中心"
                               ).stdout)["hall"] == "371100"
    out = yichuang("admin", "--db", db, "catalog", "import", str(DEMO_CATALOG)).stdout
    assert json.loads(out)["rows"] > 100
    yichuang("admin", "--db", db, "staff", "add", "--hall", "371100", "--no", "9001",
             "--name", "审核员", "--role", "reviewer", "--department", "D01",
             "--password", "pw-9001")
    bad = yichuang("admin", "--db", db, "staff", "add", "--hall", "000000", "--no", "1",
                   "--name", "x", "--password", "p", check=False)
    assert bad.returncode == 2 and "没有这个大厅" in bad.stderr
    code = yichuang("admin", "--db", db, "enroll-code", "--hall", "371100").stdout.strip()
    assert len(code) == 14
    srv = ServerProcess(db, log_dir=tmp_path).start()
    try:
        d = tmp_path / "t1"
        got = json.loads(yichuang("enroll", "--data-dir", str(d), "--server", srv.url,
                                  "--code", code).stdout)
        assert got["hall"] == "371100" and len(got["terminal_code"]) == 4
        again = yichuang("enroll", "--data-dir", str(tmp_path / "t2"), "--server", srv.url,
                         "--code", code, check=False)
        assert again.returncode == 1 and "注册码" in again.stderr
        yichuang("demo-data", "--data-dir", str(d), "--cases", "20")
        res = yichuang("sync", "--data-dir", str(d), "--once")
        out = json.loads(res.stdout)
        assert out["ok"] and out["pending"] == 0 and out["pushed"] > 20
        assert set(out) >= {"pushed", "pulled", "pending", "conflicts", "cursor", "ok"}
        stats = json.loads(yichuang("stats", "--data-dir", str(d)).stdout)
        assert stats["pending"] == 0 and stats["cases"] == 20
    finally:
        srv.stop()
    # the server unreachable: ok false, exit 1, the events wait
    yichuang("demo-data", "--data-dir", str(d), "--cases", "1")
    res = yichuang("sync", "--data-dir", str(d), "--once", check=False)
    assert res.returncode == 1 and not json.loads(res.stdout)["ok"]
    assert json.loads(res.stdout)["pending"] > 0


def test_server_command_with_host_and_port(tmp_path):
    from tests.support.servers import free_port

    port = free_port()
    p = subprocess.Popen([sys.executable, "-m", "desktop.cli", "server", "--db",
                          f"sqlite:///{tmp_path / 's.sqlite3'}", "--host", "127.0.0.1",
                          "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    import requests

    try:
        for _ in range(100):
            try:
                assert requests.get(f"http://127.0.0.1:{port}/api/v1/health").json()["ok"]
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        else:
            raise AssertionError("server did not answer")
    finally:
        p.terminate()
        p.wait(10)


def test_help_stays_fast():
    t0 = time.perf_counter()
    yichuang("--help")
    assert time.perf_counter() - t0 < 3
    mods = subprocess.run([sys.executable, "-c", "import sys, desktop.cli as c; c.build_parser();"
                           "print(sorted(m for m in sys.modules if m.split('.')[0] in "
                           "('fastapi','sqlalchemy','requests','uvicorn')))"],
                          cwd=ROOT, capture_output=True, text=True).stdout
    assert mods.strip() == "[]"


def test_a_server_refuses_a_number_of_workers_it_cannot_run(tmp_path):
    """`--workers 0` (or a negative number) used to start one process as if nothing
    were wrong; 65 was refused. Both ends are refused alike, before anything starts."""
    db = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    for n in ("0", "-2", "65"):
        got = yichuang("server", "--db", db, "--port", "1", "--workers", n, check=False)
        assert got.returncode == 2, (n, got.stderr)
        assert "--workers 应在 1 到 64 之间" in got.stderr
    assert not (tmp_path / "server.sqlite3").exists()  # nothing was started or made
