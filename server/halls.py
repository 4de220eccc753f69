"""Halls as a tree: city → county → township → village station.

A hall node serves its own hall and every hall below it (its *scope*); nothing outside
reaches it, and it may push nothing outside it. The tree lives in `halls.parent`; each
hall's reference row carries its parent too, so a node learns the tree by pulling, like
any other reference data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from server import admin, db
from server.auth import now_iso


class HallError(ValueError):
    """A tree that would be wrong: unknown parent, a hall below itself."""


def parents(conn: sa.Connection) -> dict[str, str | None]:
    """Every hall's parent (None at the top)."""
    return {r.code: r.parent for r in conn.execute(sa.select(db.halls.c.code,
                                                             db.halls.c.parent))}


def scope_of(tree: Mapping[str, str | None], code: str) -> list[str]:
    """`code` and every hall below it, top down (pure: takes `parents()`)."""
    below: dict[str, list[str]] = {}
    for child, parent in tree.items():
        if parent is not None:
            below.setdefault(parent, []).append(child)
    out, todo, seen = [], [code], set()
    while todo:
        c = todo.pop(0)
        if c in seen:
            continue
        seen.add(c)
        out.append(c)
        todo.extend(sorted(below.get(c, ())))
    return out


def scope(conn: sa.Connection, code: str) -> list[str]:
    """The hall and every hall below it."""
    return scope_of(parents(conn), code)


def depth_of(tree: Mapping[str, str | None], code: str) -> int:
    """How many halls are above `code` in the tree (for indented lists)."""
    n, seen = 0, {code}
    while (p := tree.get(code)) is not None and p in tree and p not in seen:
        n, code = n + 1, p
        seen.add(p)
    return n


def add(conn: sa.Connection, code: str, name: str, parent: str | None = None) -> None:
    """Add or rename a hall, optionally under a parent (writer transaction).

    Renaming without `parent` keeps the hall where it is. A parent must exist and the
    hall may not end up below itself.
    """
    tree = parents(conn)
    if parent is None:
        parent = tree.get(code)
    elif parent not in tree:
        raise HallError(f"没有上级大厅: {parent}")
    elif parent == code or code in _ancestors(tree, parent):
        raise HallError(f"大厅 {code} 不能位于自己之下")
    admin.add_hall(conn, code, name, {"parent": parent} if parent else None)
    conn.execute(db.halls.update().where(db.halls.c.code == code).values(parent=parent))


def _ancestors(tree: Mapping[str, str | None], code: str) -> list[str]:
    out: list[str] = []
    while (p := tree.get(code)) is not None and p not in out:
        out.append(p)
        code = p
    return out


def store_pulled(conn: sa.Connection, rows: Iterable[tuple[str, Mapping[str, Any]]]) -> None:
    """On a node: hall rows from the upstream's `hall` reference data (code, record)."""
    for code, rec in rows:
        name = str(rec.get("name") or code)
        parent = rec.get("parent")
        parent = str(parent) if parent else None
        if admin.hall_exists(conn, code):
            conn.execute(db.halls.update().where(db.halls.c.code == code)
                         .values(name=name, parent=parent))
        else:
            conn.execute(db.halls.insert().values(code=code, name=name, parent=parent,
                                                  created_at=now_iso()))


def listing(conn: sa.Connection, top: str | None = None) -> list[dict[str, Any]]:
    """Halls top down with their depth (all of them, or `top` and those below)."""
    tree = parents(conn)
    names = {r.code: r.name for r in conn.execute(sa.select(db.halls.c.code,
                                                            db.halls.c.name))}
    roots = [top] if top else sorted(c for c, p in tree.items() if p not in tree)
    out: list[dict[str, Any]] = []
    for root in roots:
        for c in _depth_first(tree, root):
            out.append({"code": c, "name": names.get(c, c), "parent": tree.get(c),
                        "depth": depth_of(tree, c) - (depth_of(tree, top) if top else 0)})
    return out


def _depth_first(tree: Mapping[str, str | None], code: str) -> list[str]:
    below: dict[str, list[str]] = {}
    for child, parent in tree.items():
        if parent is not None:
            below.setdefault(parent, []).append(child)
    out: list[str] = []
    todo = [code]
    while todo:
        c = todo.pop()
        if c in out:
            continue
        out.append(c)
        todo.extend(sorted(below.get(c, ()), reverse=True))
    return out
