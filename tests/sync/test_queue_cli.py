"""`yichuang queue take|call|status` as staff scripts run them, against a real server."""

from __future__ import annotations

import json

from tests.support.servers import yichuang
from tests.support.terminal import Term


def run(*args: str) -> tuple[int, dict]:
    p = yichuang("queue", *args, check=False)
    assert p.returncode != 2, p.stderr
    return p.returncode, json.loads(p.stdout)


def test_take_call_and_status_push_and_wait_for_the_servers_word(server, code_for, tmp_path):
    guide = Term(tmp_path / "guide", server.url, code_for())
    a = Term(tmp_path / "a", server.url, code_for())
    b = Term(tmp_path / "b", server.url, code_for())
    rc, first = run("take", "--zone", "A", "--data-dir", str(guide.dir))
    assert rc == 0 and first["ticket"] == "A0001" and first["confirmed"] is True
    rc, old = run("take", "--zone", "Z1", "--priority", "--data-dir", str(guide.dir))
    assert old["ticket"] == "A0002" and old["priority"] == "other"
    rc, third = run("take", "--zone", "Z1", "--data-dir", str(a.dir))  # another terminal
    assert third["ticket"] == "A0003", "staff numbers continue across terminals"
    assert third["waiting"] == 3

    rc, call = run("call", "--window", "W01", "--data-dir", str(a.dir))
    assert rc == 0 and call["ticket"] == "A0002"  # priority first
    assert call["decided_by"] == "server" and call["text"] == "请 A0002 号到 1 号窗口办理"
    rc, call = run("call", "--window", "2", "--data-dir", str(b.dir))
    assert rc == 0 and call["ticket"] == "A0001"

    rc, st = run("status", "--data-dir", str(guide.dir))
    assert rc == 0 and st["server"]["reachable"] is True
    z1 = next(z for z in st["zones"] if z["code"] == "Z1")
    assert (z1["name"], z1["waiting"]) == ("企业开办服务区", 1)
    w = {x["code"]: x for x in st["windows"]}
    assert w["W01"]["serving"] == "A0002" and w["W02"]["serving"] == "A0001"
    assert w["W01"]["zones"] == ["Z1"] and w["W03"]["serving"] is None
    assert [c["ticket"] for c in st["recent_calls"]][:2] in (["A0001", "A0002"],
                                                             ["A0002", "A0001"])
    assert {"code", "name", "zones", "serving"} <= set(st["windows"][0])

    rc, call = run("call", "--window", "W01", "--data-dir", str(a.dir))
    assert rc == 0 and call["ticket"] == "A0003"
    rc, none = run("call", "--window", "W01", "--data-dir", str(a.dir))
    assert rc == 1 and none["ticket"] is None and none["error"] == "queue.nobody_waiting"

    run("take", "--zone", "A", "--data-dir", str(guide.dir))
    server.stop()
    rc, cut = run("call", "--window", "W02", "--data-dir", str(b.dir))
    assert rc == 3 and cut["ticket"] is None and cut["error"] == "queue.no_server"
    rc, offline = run("take", "--zone", "A", "--data-dir", str(guide.dir))
    assert rc == 0 and offline["confirmed"] is False and offline["server"] is False
    rc, st = run("status", "--data-dir", str(guide.dir))
    assert rc == 0 and st["server"]["reachable"] is False


def test_bad_input_is_refused_with_a_reason(tmp_path):
    p = yichuang("queue", "status", "--data-dir", str(tmp_path / "nowhere"), check=False)
    assert p.returncode == 2 and "不是终端的数据目录" in p.stderr
    assert not (tmp_path / "nowhere").exists()
    yichuang("demo-data", "--cases", "0", "--data-dir", str(tmp_path))
    p = yichuang("queue", "take", "--zone", "Q", "--data-dir", str(tmp_path), check=False)
    assert p.returncode == 2 and "没有这个服务区" in p.stderr
    p = yichuang("queue", "take", "--zone", "A", "--priority", "vip", "--data-dir",
                 str(tmp_path), check=False)
    assert p.returncode == 2 and "--priority" in p.stderr
    p = yichuang("queue", "call", "--window", "99", "--data-dir", str(tmp_path), check=False)
    assert p.returncode == 2 and "没有这个窗口" in p.stderr
    rc, got = run("take", "--zone", "A", "--data-dir", str(tmp_path))  # standalone
    assert got["server"] is None and got["ticket"] == "A0001"
    rc, call = run("call", "--window", "1", "--data-dir", str(tmp_path))
    assert rc == 0 and call["decided_by"] == "local"


def test_admin_sets_a_halls_queue_rules_and_terminals_follow_them(server, hall_db, code_for,
                                                                  tmp_path):
    guide = Term(tmp_path / "guide", server.url, code_for())
    bad = tmp_path / "bad.json"
    bad.write_text('{"no_show_after": -3}', "utf-8")
    p = yichuang("admin", "--db", hall_db, "queue-rules", "--hall", "371100", "--file",
                 str(bad), check=False)
    assert p.returncode == 2 and "no_show_after" in p.stderr
    good = tmp_path / "rules.json"
    good.write_text('{"priority_kinds": ["disabled"], "no_show_after": 3}', "utf-8")
    p = yichuang("admin", "--db", hall_db, "queue-rules", "--hall", "371100", "--file",
                 str(good))
    assert json.loads(p.stdout)["rules"]["no_show_after"] == 3
    run("take", "--zone", "A", "--data-dir", str(guide.dir))
    run("take", "--zone", "A", "--priority", "elderly", "--data-dir", str(guide.dir))
    rc, call = run("call", "--window", "1", "--data-dir", str(guide.dir))
    assert rc == 0 and call["ticket"] == "A0001"  # elderly no longer go first in this hall
    from sync import tickets
    from sync.replica import Replica

    with Replica.in_dir(guide.dir) as r:
        assert tickets.load_rules(r).no_show_after == 3
