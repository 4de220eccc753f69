"""A standard item added to a replica as a pull would store it (tests of live catalogs)."""

from __future__ import annotations

import pathlib

from sync import reference
from sync.replica import Replica

NEW_ITEM = {"code": "11371100MB0000000X00010099", "name": "新生儿落户登记（新版）",
            "department": "D03", "kind": "instant", "promised_days": 0, "legal_days": 0,
            "materials": [{"id": "M1", "name": "出生医学证明", "originals": 1}],
            "level": "city", "version": 2}


def add_item(data_dir: pathlib.Path, *, kiosk: bool = True, zone: str = "Z1") -> None:
    """Enable NEW_ITEM in the replica's hall as short number 0999."""
    with Replica.in_dir(data_dir) as r:
        reference.store_rows(r, [
            ("std_item", f"city:{NEW_ITEM['code']}", NEW_ITEM),
            ("enabled", "0999", {"no": "0999", "code": NEW_ITEM["code"], "level": "city",
                                 "zone": zone, "kiosk": kiosk}),
        ])
