"""Halls as a tree, node codes and their blocks of terminal codes, `admin stats`: the
commands exactly as written, in child processes, on real SQLite files."""

from __future__ import annotations

import json

import pytest

from server import auth, codeblocks, db
from tests.support.servers import yichuang


def _db(tmp_path, name: str = "city") -> str:
    return f"sqlite:///{tmp_path / f'{name}.sqlite3'}"


def test_hall_tree_commands_as_written(tmp_path):
    url = _db(tmp_path)
    add = lambda *a: yichuang("admin", "--db", url, "hall", "add", *a, check=False)  # noqa: E731
    assert json.loads(add("3711", "日照市政务服务中心").stdout) == {"hall": "3711",
                                                               "name": "日照市政务服务中心"}
    assert json.loads(add("371102", "东港区", "--parent", "3711").stdout)["parent"] == "3711"
    assert add("371102101", "河口镇", "--parent", "371102").returncode == 0
    bad = add("371102102", "无名镇", "--parent", "9999")
    assert bad.returncode == 2 and "没有上级大厅" in bad.stderr
    loop = add("3711", "日照市", "--parent", "371102101")
    assert loop.returncode == 2 and "不能位于自己之下" in loop.stderr
    assert add("371102", "东港区政务服务中心").returncode == 0  # renamed, stays where it is
    listed = yichuang("admin", "--db", url, "hall", "list").stdout.splitlines()
    assert listed == ["3711\t日照市政务服务中心", "  371102\t东港区政务服务中心",
                      "    371102101\t河口镇"]
    code = yichuang("admin", "--db", url, "enroll-code", "--hall", "371102101", "--node",
                    "--terminals", "8").stdout.strip()
    assert len(code) == 14
    zero = yichuang("admin", "--db", url, "enroll-code", "--hall", "371102101", "--node",
                    "--terminals", "0", check=False)
    assert zero.returncode == 2 and "--terminals" in zero.stderr
    stats = json.loads(yichuang("admin", "--db", url, "stats").stdout)
    assert {"events", "cases", "terminals"} <= set(stats) and "upstream_pending" not in stats
    assert stats["halls"] == 3 and stats["events"] == 0
    scoped = json.loads(yichuang("admin", "--db", url, "stats", "--hall", "371102").stdout)
    assert scoped["halls"] == 2
    unknown = yichuang("admin", "--db", url, "stats", "--hall", "nope", check=False)
    assert unknown.returncode == 2 and "没有这个大厅" in unknown.stderr


def test_terminal_codes_stay_unique_across_the_tree(tmp_path):
    city = db.Database(_db(tmp_path))
    node = db.Database(_db(tmp_path, "node"))
    try:
        for d in (city, node):
            db.init_db(d.engine)
        with city.writer() as conn:
            conn.execute(db.halls.insert().values(code="T", name="镇", created_at="x"))
            got = auth.enrol(conn, auth.issue_code(conn, "T", node_codes=5))
            block = got["codes"]
            assert got["role"] == "node" and len(block) == 5 and got["terminal_code"] not in block
            city_codes = [auth.enrol(conn, auth.issue_code(conn, "T"))["terminal_code"]
                          for _ in range(30)]
        assert not set(block) & set(city_codes)
        assert len(set(city_codes)) == 30
        with node.writer() as conn:  # the node, once enrolled, gives codes of its block only
            conn.execute(db.halls.insert().values(code="T", name="镇", created_at="x"))
            db.set_node_meta(conn, {"node_id": got["terminal_id"], "upstream_url": "http://c"})
            codeblocks.keep_own_block(conn, block)
            child = auth.enrol(conn, auth.issue_code(conn, "T", node_codes=2))["codes"]
            mine = [auth.enrol(conn, auth.issue_code(conn, "T"))["terminal_code"]
                    for _ in range(2)]
            assert set(child) | set(mine) | {_terminal_code(conn, "node")} <= set(block)
            assert len(set(child) | set(mine)) == 4
            with pytest.raises(codeblocks.CodesExhausted, match="已用完"):
                auth.enrol(conn, auth.issue_code(conn, "T"))
    finally:
        city.dispose()
        node.dispose()


def _terminal_code(conn, role: str) -> str:
    import sqlalchemy as sa

    return conn.execute(sa.select(db.terminals.c.code).where(db.terminals.c.role == role)
                        ).scalar_one()


def test_a_node_leaves_reference_data_to_its_upstream(tmp_path):
    url = _db(tmp_path, "node")
    yichuang("admin", "--db", url, "hall", "add", "T", "镇")
    database = db.Database(url)
    try:
        with database.writer() as conn:
            db.set_node_meta(conn, {"upstream_url": "http://city.example:8470"})
    finally:
        database.dispose()
    staff = yichuang("admin", "--db", url, "staff", "add", "--hall", "T", "--no", "1",
                     "--name", "张三", "--password", "p", check=False)
    assert staff.returncode == 2 and "大厅节点" in staff.stderr and "city.example" in staff.stderr
    hall = yichuang("admin", "--db", url, "hall", "add", "U", "乡", check=False)
    assert hall.returncode == 2 and "上级服务器" in hall.stderr
    code = yichuang("admin", "--db", url, "enroll-code", "--hall", "T", check=False)
    assert code.returncode == 2 and "尚未在上级服务器注册" in code.stderr
    stats = json.loads(yichuang("admin", "--db", url, "stats").stdout)
    assert stats["role"] == "node" and stats["upstream_pending"] == 0
