"""`GET /`: a server's status for whoever looks after the hall's PCs, in a browser.

On a hall node: is the city reachable and since when, what waits for the WAN, what the
city refused, and each terminal's last contact (`terminals.last_seen`, written by
whichever worker the terminal reached: server.contacts). On the city: the hall tree and the nodes.
Plain HTML that refreshes itself; every value from the network or the database is
escaped; no personal data (terminals, halls and counts only).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from domain.events import CHINA_TZ
from server import db, halls, nodeinfo
from server.auth import utcnow
from server.contacts import ONLINE_S

REFRESH_S = 10
MAX_ROWS = 500  # a city's list of terminals stops here, with the count

CSS = """
body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:0;
background:#f4f6f8;color:#1d2733}
header{background:#1f4e79;color:#fff;padding:14px 28px}
header h1{margin:0;font-size:22px;font-weight:600} header p{margin:4px 0 0;opacity:.85}
main{padding:18px 28px;display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));
gap:18px;align-items:start}
section.wide{grid-column:1/-1}
section{background:#fff;border-radius:6px;padding:14px 18px;box-shadow:0 1px 3px #0002}
h2{font-size:16px;margin:0 0 10px;color:#1f4e79}
table{border-collapse:collapse;width:100%;font-size:14px}
td,th{padding:5px 8px;border-bottom:1px solid #e4e8ec;text-align:left;white-space:nowrap}
td.wrap{white-space:normal;word-break:break-all}
th{color:#5b6b7a;font-weight:normal}
.big{font-size:30px;font-weight:600}
.ok{color:#1b7f3b}.bad{color:#b00020}.warn{color:#a15c00}.muted{color:#7a8794}
.dot{display:inline-block;width:12px;height:12px;border-radius:6px;margin-right:6px}
.dot.ok{background:#1b7f3b}.dot.bad{background:#b00020}.dot.warn{background:#d08a00}
"""


def _e(v: Any) -> str:
    return html.escape("" if v is None else str(v))


def _when(iso: str | None, now: dt.datetime) -> str:
    """`03-02 09:15:04（12分钟前）` in China time."""
    if not iso:
        return "—"
    try:
        t = dt.datetime.fromisoformat(iso)
    except ValueError:
        return _e(iso)
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    secs = max(0.0, (now - t).total_seconds())
    ago = (f"{int(secs)}秒前" if secs < 60 else f"{int(secs // 60)}分钟前" if secs < 3600
           else f"{secs / 3600:.1f}小时前" if secs < 86400 else f"{secs / 86400:.1f}天前")
    return f"{t.astimezone(CHINA_TZ):%m-%d %H:%M:%S}（{ago}）"


def _link_section(st: Mapping[str, Any], now: dt.datetime) -> str:
    if not st.get("enrolled"):
        state = '<span class="dot warn"></span><span class="warn">正在向上级服务器注册</span>'
    elif st.get("refused_by_upstream"):
        state = '<span class="dot bad"></span><span class="bad">上级服务器拒绝本节点</span>'
    elif st.get("reaches_city"):
        state = '<span class="dot ok"></span><span class="ok">已连通市级</span>'
    elif st.get("online"):
        state = '<span class="dot warn"></span><span class="warn">已连上级，上级未连通市级</span>'
    else:
        state = '<span class="dot bad"></span><span class="bad">与上级断开</span>'
    rows = [("状态", state), ("上级服务器", _e(st.get("upstream"))),
            ("最后连通", _when(st.get("city_contact"), now))]
    if not st.get("online") and st.get("down_since"):
        rows.append(("断开自", _when(st.get("down_since"), now)))
    if st.get("last_error"):
        rows.append(("最近错误", f'<span class="muted">{_e(st["last_error"])}</span>'))
    pending = int(st.get("upstream_pending") or 0)
    backlog = (f'<span class="big {"warn" if pending else "ok"}">{pending}</span> 条'
               + (f'（最早 {_when(st.get("oldest_pending"), now)}）' if pending else ""))
    rows.append(("待上传（等待外网）", backlog))
    refused = int(st.get("upstream_refused") or 0)
    rows.append(("被上级拒绝", f'<span class="{"bad" if refused else "muted"}">{refused} 条</span>'))
    body = "".join(f'<tr><th>{k}</th><td class="wrap">{v}</td></tr>' for k, v in rows)
    return f"<section><h2>上级链路</h2><table>{body}</table></section>"


def _online(last_seen: str | None, now: dt.datetime) -> bool:
    try:
        return last_seen is not None and (
            now - dt.datetime.fromisoformat(last_seen)).total_seconds() < ONLINE_S
    except ValueError:
        return False


def _terminals_section(conn: sa.Connection, now: dt.datetime) -> str:
    t = db.terminals
    total = conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
    rows = list(conn.execute(sa.select(t).order_by(t.c.role.desc(), t.c.code).limit(MAX_ROWS)))
    out = []
    for r in rows:
        kind = "节点" if r.role == "node" else "终端"
        state = ('<span class="bad">已停用</span>' if r.revoked_at else
                 '<span class="ok">在线</span>' if _online(r.last_seen, now)
                 else '<span class="muted">—</span>')
        out.append(f"<tr><td>{_e(r.code)}</td><td>{kind}</td><td>{_e(r.name) or '—'}</td>"
                   f"<td>{_e(r.hall_code)}</td><td>{_when(r.last_seen, now)}</td>"
                   f"<td>{state}</td></tr>")
    if total > len(rows):
        out.append(f'<tr><td colspan="6" class="muted">…… 共 {total} 个</td></tr>')
    body = "".join(out) or '<tr><td colspan="6" class="muted">还没有终端注册</td></tr>'
    nodes = any(r.role == "node" for r in rows)
    return (f'<section class="wide"><h2>{"终端和节点" if nodes else "终端"}</h2><table><tr>'
            '<th>编号</th><th>类型</th>'
            f"<th>名称</th><th>大厅</th><th>最近联系</th><th>状态</th></tr>{body}</table></section>")


def _halls_section(conn: sa.Connection, top: str | None) -> str:
    e, c = db.events, db.cases
    counts = {r.hall_code: int(r.n) for r in conn.execute(
        sa.select(e.c.hall_code, sa.func.count().label("n")).group_by(e.c.hall_code))}
    cases = {r.hall_code: int(r.n) for r in conn.execute(
        sa.select(c.c.hall_code, sa.func.count().label("n")).where(c.c.stream == "case")
        .group_by(c.c.hall_code))}
    out = []
    for h in halls.listing(conn, top):
        pad = "&nbsp;" * 4 * h["depth"]
        out.append(f"<tr><td>{pad}{_e(h['name'])}</td><td>{_e(h['code'])}</td>"
                   f"<td>{cases.get(h['code'], 0)}</td><td>{counts.get(h['code'], 0)}</td></tr>")
    body = "".join(out) or '<tr><td colspan="4" class="muted">—</td></tr>'
    return ("<section><h2>大厅</h2><table><tr><th>名称</th><th>代码</th><th>办件</th>"
            f"<th>事件</th></tr>{body}</table></section>")


def render(conn: sa.Connection, now: dt.datetime | None = None) -> str:
    """The whole page."""
    now = now or utcnow()
    st = nodeinfo.status(conn)
    if st["role"] == "node":
        title = f"大厅节点 · {_e(st.get('hall_name'))}（{_e(st.get('hall'))}）"
        sub = f"节点编号 {_e(st.get('node_code'))} · 本页每{REFRESH_S}秒刷新"
        sections = [_link_section(st, now)]
        top = st.get("hall")
    else:
        title, sub, sections, top = "市级服务器", f"本页每{REFRESH_S}秒刷新", [], None
    sections += [_halls_section(conn, top), _terminals_section(conn, now)]
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
            f'<meta http-equiv="refresh" content="{REFRESH_S}">'
            f"<title>一窗 · {title}</title><style>{CSS}</style></head><body>"
            f"<header><h1>一窗 · {title}</h1><p>{sub} · "
            f"{now.astimezone(CHINA_TZ):%Y-%m-%d %H:%M:%S}</p></header>"
            f"<main>{''.join(sections)}</main></body></html>")
