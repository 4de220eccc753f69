"""A new catalog or calendar reaches the counter without a restart (desktop.reference_watch).

The rows are stored in the replica by another connection, as a pull in the sync worker
or in `yichuang sync` would store them; the counter notices through the reference version.
"""

from __future__ import annotations

import pathlib

from domain.calendar_file import decode, parse_schedule
from sync import reference
from sync.replica import Replica
from tests.support.catalog_rows import add_item

SAMPLE = pathlib.Path(__file__).resolve().parents[2] / "docs" / "calendar" / "sample-2027.csv"


def test_counter_banner_goes_and_picker_shows_new_items(clerk, data_dir):
    from desktop.counter.item_picker import ItemPicker

    assert clerk.workspace.banner.isVisibleTo(clerk.workspace)  # 2027 missing on 23 Nov
    assert "2027" in clerk.workspace.banner.text()
    with Replica.in_dir(data_dir) as r:
        reference.store_calendar(r, [parse_schedule(decode(SAMPLE.read_bytes()))])
    add_item(data_dir)
    clerk.reference_watch.check()
    assert not clerk.workspace.banner.isVisibleTo(clerk.workspace)
    assert 2027 in clerk.state.calendar.years
    picker = ItemPicker(clerk.state.catalog, None, clerk)
    picker.filter.setText("xselh")  # 新生儿落户…
    assert picker.chosen() is not None and picker.chosen().no == "0999"




def test_counter_shows_the_opening_period(clerk, data_dir):
    import json

    from domain.catalog_file import hours_rows

    assert clerk.period_label.text() == ""  # no periods declared: nothing to say
    hours = pathlib.Path(__file__).resolve().parents[2] / "docs" / "hours" / "yibin-style.json"
    with Replica.in_dir(data_dir) as r:
        reference.store_rows(r, hours_rows(json.loads(hours.read_text("utf-8"))))
    clerk.reference_watch.check()
    assert clerk.period_label.text() == "时段：上午 09:00-12:00"  # Monday 10:00
