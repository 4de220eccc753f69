"""Build resources/calendar/cn.json from the chinese-calendar package's tables.

Run when a package release brings a newly published year: `python scripts/build_calendar.py`.
The app and the server ship the file; the server merges its years in at every start
(server.calendar), and an administrator loads a year as soon as the State Council
publishes it (`yichuang admin calendar import FILE`), without waiting for a release.
"""

from __future__ import annotations

import json
import pathlib

from chinese_calendar.constants import Holiday, holidays, workdays

OUT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "calendar" / "cn.json"
FIRST_YEAR = 2020
CHINESE = {h.value: h.chinese for h in Holiday}


def main() -> None:
    years = sorted({d.year for d in holidays} | {d.year for d in workdays})
    years = [y for y in years if y >= FIRST_YEAR]
    data = {
        "source": "chinese-calendar (国务院办公厅节假日安排)",
        "years": years,
        "holidays": {d.isoformat(): CHINESE.get(n, n) for d, n in sorted(holidays.items())
                     if d.year >= FIRST_YEAR},
        "workdays": {d.isoformat(): CHINESE.get(n, n) for d, n in sorted(workdays.items())
                     if d.year >= FIRST_YEAR},
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} for {years[0]}–{years[-1]}")


if __name__ == "__main__":
    main()
