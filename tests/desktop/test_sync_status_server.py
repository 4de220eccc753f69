"""The status bar says which server the terminal syncs with and whether that server
reaches the city (pytest-qt, offscreen)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.sync_status import SyncStatusWidget
from sync.status import SyncStatus, server_fields


def test_a_node_that_cannot_reach_the_city_says_so(qtbot):
    w = SyncStatusWidget()
    qtbot.addWidget(w)
    info = ('{"role": "node", "hall_name": "河口镇便民服务中心", "reaches_city": false, '
            '"city_contact": "2026-03-02T09:15:00+08:00", "upstream_pending": 412}')
    fields = server_fields("http://192.168.1.5:8470", info)
    w.set_status(SyncStatus(mode="enrolled", online=True, **fields))
    assert w.server.text() == "大厅节点 192.168.1.5:8470 · 与市级断开"
    assert "河口镇" in w.server.toolTip() and "412" in w.server.toolTip()
    assert "03-02 09:15" in w.server.toolTip() and "b00020" in w.server.styleSheet()
    w.set_status(SyncStatus(mode="enrolled", online=True,
                            **server_fields("http://192.168.1.5:8470",
                                            info.replace("false", "true"))))
    assert w.server.text().endswith("已连市级") and not w.server.styleSheet()
    # the terminal cannot reach its node: nothing is claimed about the city
    w.set_status(SyncStatus(mode="enrolled", online=False, **fields))
    assert w.server.text() == "大厅节点 192.168.1.5:8470"
    w.set_status(SyncStatus(mode="enrolled", online=True,
                            **server_fields("https://city.example", '{"role": "city"}')))
    assert w.server.text() == "市级服务器 city.example"
    w.set_status(SyncStatus())
    assert w.server.text() == ""


def test_garbage_in_the_stored_server_info_changes_nothing_else():
    assert server_fields("http://n:1", "{not json")["server_role"] is None
    assert server_fields("http://n:1", '["a"]')["server"] == "n:1"
    assert server_fields("", None) == {"server": "", "server_role": None, "server_hall": "",
                                       "reaches_city": None, "city_contact": None,
                                       "upstream_pending": 0}
