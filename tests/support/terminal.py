"""A terminal in a test: a data folder, its replica, and the counter's own CaseStore."""

from __future__ import annotations

import datetime as dt
import pathlib
import random

from domain import events as ev
from domain.application import Actor, registration_payload
from sync import reference
from sync.demo_data import demo_person
from sync.enrol import enrol
from sync.replica import Replica
from sync.store import CaseStore, load_case

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=ev.CHINA_TZ)


class Term:
    """Opens its replica per call, as the app's write executor would, one at a time."""

    def __init__(self, data_dir: pathlib.Path, server_url: str, code: str,
                 clock_offset: dt.timedelta = dt.timedelta()) -> None:
        self.dir = data_dir
        self.enrolment = enrol(data_dir, server_url, code)
        from sync.client_cli import sync_once

        self.first_sync = sync_once(data_dir)  # the snapshot brings the catalog
        self.offset = clock_offset
        self.rng = random.Random(str(data_dir))

    def now(self) -> dt.datetime:
        return dt.datetime.now(ev.CHINA_TZ) + self.offset

    def _actor(self, r: Replica, staff: str = "S001") -> Actor:
        return Actor(staff, r.identity().terminal_id, "W01")

    def open_case(self, instant: bool = False) -> str:
        with Replica.in_dir(self.dir) as r:
            cat = reference.load_catalog(r)
            items = [i for i in cat.items if i.instant == instant]
            item = self.rng.choice(items)
            payload = registration_payload(item, demo_person(self.rng),
                                           provided={m.id: True for m in item.materials})
            _, case = CaseStore(r).open_case(payload, self._actor(r), now=self.now())
            return case.id

    def step(self, case_id: str, kind: str, payload: dict | None = None,
             staff: str = "S001") -> None:
        with Replica.in_dir(self.dir) as r:
            CaseStore(r).record(case_id, kind, payload or {}, self._actor(r, staff),
                                now=self.now())

    def state(self, case_id: str) -> str | None:
        with Replica.in_dir(self.dir) as r:
            c = load_case(r, case_id)
            return c.state if c else None

    def has_catalog(self) -> bool:
        with Replica.in_dir(self.dir) as r:
            return bool(reference.load_catalog(r).items)


def token_of(d: pathlib.Path) -> str:
    """A terminal's bearer token, wherever it keeps it (sync.token_store)."""
    with Replica.in_dir(d) as r:
        try:
            from sync import token_store
        except ImportError:  # a build before tokens left the meta table
            return r.get_meta("token")
        return token_store.load(r)
