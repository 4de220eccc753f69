"""The service catalog: the demo file, look-ups and the search box."""

from __future__ import annotations

import json

import pytest

from domain.catalog import catalog_from_dict
from domain.errors import UnknownItem
from resources import path
from sync.reference import pinyin_initials


@pytest.fixture(scope="module")
def data() -> dict:
    return json.loads(path("catalog", "demo.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def catalog(data):
    return catalog_from_dict(data, pinyin_initials)


def test_pinyin_initials():
    assert pinyin_initials("婚姻登记") == "hydj"
    assert pinyin_initials("结婚登记") == "jhdj"
    assert pinyin_initials("企业设立登记") == "qysldj"


def test_demo_catalog_size(catalog):
    assert len(catalog.zones) >= 8
    assert len(catalog.departments) >= 8
    assert len(catalog.items) >= 40
    assert catalog.hall.name


def test_demo_catalog_references_resolve(catalog):
    dep_ids = {d.id for d in catalog.departments}
    zone_ids = {z.id for z in catalog.zones}
    window_ids = {w.id for w in catalog.windows}
    assert len(dep_ids) == len(catalog.departments)
    assert len(zone_ids) == len(catalog.zones)
    for item in catalog.items:
        assert item.department in dep_ids, item.no
        assert item.zone in zone_ids, item.no
        assert catalog.department(item.department) is not None
        assert catalog.windows_of_zone(item.zone), f"no window serves zone {item.zone}"
    for w in catalog.windows:
        assert w.zone in zone_ids
    for s in catalog.staff:
        assert s.window is None or s.window in window_ids, s.id
        assert s.department is None or s.department in dep_ids, s.id
        if s.role == "clerk":
            assert s.window in window_ids


def test_demo_items_are_consistent(catalog):
    nos = [i.no for i in catalog.items]
    codes = [i.code for i in catalog.items]
    assert len(set(nos)) == len(nos) and len(set(codes)) == len(codes)
    prefixes = [z.prefix for z in catalog.zones]
    assert len(set(prefixes)) == len(prefixes)
    for item in catalog.items:
        assert len(item.no) == 4 and item.no.isdigit()
        assert item.kind in ("instant", "promised")
        if item.instant:
            assert item.promised_days == 0
        else:
            assert 0 < item.promised_days < item.legal_days, item.no
        ids = [m.id for m in item.materials]
        assert len(set(ids)) == len(ids), item.no
        for m in item.materials:
            assert m.required == (m.condition == ""), (item.no, m.id)
        assert item.initials == pinyin_initials(item.name)


def test_item_by_code_or_short_number(catalog):
    item = catalog.item("0101")
    assert item.name == "企业设立登记"
    assert catalog.item(item.code) is item
    for bad in ("9999", "", "X", "0101 "):
        with pytest.raises(UnknownItem) as info:
            catalog.item(bad)
        assert info.value.code == "catalog.unknown_item"


def test_search_by_name_fragment(catalog):
    hits = catalog.search("婚姻")
    assert hits and all("婚姻" in i.name for i in hits)
    names = [i.name for i in catalog.search("结婚")]
    assert names[0] == "结婚登记"


def test_search_by_pinyin_initials(catalog):
    hits = catalog.search("jhdj")
    assert hits[0].name == "结婚登记"
    assert any(i.name == "补领婚姻登记证" for i in catalog.search("hydj"))
    assert catalog.search("HYDJ") == catalog.search("hydj")


def test_search_by_code_and_short_number(catalog):
    assert catalog.search("0801")[0].no == "0801"
    item = catalog.item("0101")
    assert item in catalog.search(item.code)
    assert catalog.search(item.code)[0] is item


def test_search_ranks_prefix_matches_first_and_limits(catalog):
    hits = catalog.search("登记")
    assert hits and all("登记" in i.name or "dj" in i.initials for i in hits)
    starts = [i for i in hits if i.name.startswith("登记")]
    assert hits[:len(starts)] == starts
    assert len(catalog.search("", limit=5)) == 5
    assert catalog.search("完全不存在的事项") == []


def test_item_dict_round_trip(catalog):
    from domain.catalog import ServiceItem

    for item in catalog.items:
        again = ServiceItem.from_dict(item.to_dict(), item.initials)
        assert again == item


def _item(no: str, name: str, initials: str):
    from domain.catalog import ServiceItem

    return ServiceItem.from_dict({"no": no, "code": f"C{no}", "name": name, "department": "D",
                                  "zone": "Z", "kind": "instant"}, initials)


def test_whole_initials_rank_above_a_longer_name_they_start():
    from domain.catalog import search_items

    items = [_item("0901", "结婚登记证补领", "jhdjzbl"), _item("0801", "结婚登记", "jhdj")]
    assert [i.no for i in search_items(items, "jhdj")] == ["0801", "0901"]


def test_initials_may_skip_words_but_not_scatter():
    from domain.catalog import search_items

    items = [_item("0406", "住房公积金提取（购买自住住房）", "zfgjjtq（gmzzzf）"),
             _item("0603", "增值税专用发票最高开票限额审批", "zzszyfpzgkpxesp")]
    assert [i.no for i in search_items(items, "zftq")] == ["0406"]
    assert search_items(items, "zzzz") == []  # issue 15.10: no unrelated items


def test_popularity_breaks_ties_only():
    from domain.catalog import search_items

    items = [_item("0801", "结婚登记", "jhdj"), _item("0802", "离婚登记", "lhdj")]
    assert [i.no for i in search_items(items, "hdj", popularity={"0802": 3})] == ["0802", "0801"]
    assert [i.no for i in search_items(items, "jhdj", popularity={"0802": 3})] == ["0801"]
