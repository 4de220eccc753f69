"""The stored form of event ids (sync.stored_ids): a canonical UUID packs to its 16
bytes, every other id stays the same text, and unpack gives back exactly what was packed."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.ids import node_of, uuid7_counted
from domain.numbering import case_id_for_slip
from sync import stored_ids

CANONICAL = [
    "6f305651-3de0-4d20-8475-e1ab7fd8b837",  # uuid4
    uuid7_counted(node_of("a-terminal"), 7, now_ms=1_767_225_600_000, rand=bytes),
    case_id_for_slip("0123456789"),
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
]
NOT_PACKED = [
    "back-1", "BACK", "", "unreadable-1712345678.123456", "server",
    "6F305651-3DE0-4D20-8475-E1AB7FD8B837",  # upper case: it would come back lower case
    "{6f305651-3de0-4d20-8475-e1ab7fd8b837}",
    "6f3056513de04d208475e1ab7fd8b837",  # no hyphens
    "0123456 -89ab-cdef-0123-456789abcdef",  # bytes.fromhex skips the space
    "0123456g-89ab-cdef-0123-456789abcdef",  # not hex
    "01234567-89ab-cdef-0123-456789abcdeé",  # not ASCII
    "01234567-89ab-cdef-0123-456789abcd-f",  # a hyphen where a digit belongs
    "01234567-89ab-cdef-0123-456789abcdef0",  # 37 characters
]


@pytest.mark.parametrize("text", CANONICAL)
def test_a_canonical_uuid_is_its_16_bytes_and_comes_back(text):
    packed = stored_ids.pack(text)
    assert packed == uuid.UUID(text).bytes and len(packed) == 16
    assert stored_ids.unpack(packed) == text
    assert stored_ids.unpack(memoryview(packed)) == text  # as a BLOB may come back


@pytest.mark.parametrize("text", NOT_PACKED)
def test_any_other_id_stays_the_same_text(text):
    assert stored_ids.pack(text) == text and isinstance(stored_ids.pack(text), str)
    assert stored_ids.unpack(text) == text


def test_null_goes_through_and_a_blob_not_16_bytes_is_refused():
    assert stored_ids.pack(None) is None and stored_ids.unpack(None) is None
    with pytest.raises(ValueError):
        stored_ids.unpack(b"\x01" * 15)


@given(st.text(max_size=40) | st.uuids().map(str))
def test_unpack_of_pack_is_the_identity_for_every_text(text):
    packed = stored_ids.pack(text)
    assert stored_ids.unpack(packed) == text
    assert isinstance(packed, bytes) == _canonical(text)


def _canonical(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


def test_in_sql_both_forms_live_in_one_column_and_a_lookup_finds_each():
    conn = sqlite3.connect(":memory:")
    stored_ids.register(conn)
    conn.execute("CREATE TABLE t (id BLOB PRIMARY KEY)")
    ids = [*CANONICAL, *NOT_PACKED]
    conn.executemany("INSERT INTO t VALUES (pack_id(?))", [(i,) for i in ids])
    assert [r[0] for r in conn.execute("SELECT typeof(id) FROM t ORDER BY rowid")] == (
        ["blob"] * len(CANONICAL) + ["text"] * len(NOT_PACKED))
    for i in ids:
        assert conn.execute("SELECT unpack_id(id) FROM t WHERE id = pack_id(?)",
                            (i,)).fetchone()[0] == i
    # the index is used: pack_id(?) is computed once, not per row
    plan = " ".join(r[-1] for r in conn.execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM t WHERE id = pack_id(?)", (ids[0],)))
    assert "USING" in plan and "INDEX" in plan, plan
