"""A new catalog version reaches the kiosk without a restart, between citizens."""

from __future__ import annotations

from desktop.kiosk.widgets import ItemTile
from tests.support.catalog_rows import NEW_ITEM, add_item


def _tiles(page, qtbot) -> list[str]:
    qtbot.wait(50)  # new tiles are shown, old ones deleted, by the event loop
    return [t.item.name for t in page.findChildren(ItemTile) if t.isVisibleTo(page)]


def test_kiosk_shows_a_new_item_without_restart(kiosk, data_dir, qtbot):
    services = kiosk.window.pages["services"]
    kiosk.flow.go("services")
    services.show_groups("zone", "Z1")
    before = _tiles(services, qtbot)
    assert before and NEW_ITEM["name"] not in before
    add_item(data_dir)
    kiosk.watch.check()
    assert NEW_ITEM["name"] in _tiles(services, qtbot)
    search = kiosk.window.pages["search"]
    search.set_query("xselh")
    assert NEW_ITEM["name"] in _tiles(search, qtbot)


def test_kiosk_keeps_the_list_under_a_citizen_until_they_are_done(kiosk, data_dir, qtbot):
    services = kiosk.window.pages["services"]
    kiosk.flow.go("services")
    services.show_groups("zone", "Z1")
    first = next(t.item for t in services.findChildren(ItemTile))
    kiosk.flow.choose(first, "services")  # a citizen is reading an item's materials
    add_item(data_dir)
    kiosk.watch.check()
    assert NEW_ITEM["name"] not in _tiles(services, qtbot)
    kiosk.flow.reset()  # done: back to the start screen
    services.show_groups("zone", "Z1")
    assert NEW_ITEM["name"] in _tiles(services, qtbot)


def test_kiosk_does_not_offer_items_the_hall_keeps_off_it(kiosk, data_dir, qtbot):
    services = kiosk.window.pages["services"]
    kiosk.flow.go("services")
    add_item(data_dir, kiosk=False)
    kiosk.watch.check()
    services.show_groups("zone", "Z1")
    assert NEW_ITEM["name"] not in _tiles(services, qtbot)
    assert all(i.kiosk for i in kiosk.flow.catalog.items)
