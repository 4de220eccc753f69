"""Where the reviewer face reads and writes: this PC's replica, or the server.

Both offer the same calls, each answered on the GUI thread through the task runner
(never a blocking call on the UI thread):

- `LocalBackend`: the terminal's replica, offline too; steps go out through the outbox
  like a counter's (the sync controller in the status bar carries them).
- `ServerBackend`: the back-office API over the city network; a step is written on the
  server, into the same change log, and pulled by every terminal of the hall.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.review import jobs
from desktop.review.remote import BackofficeClient
from desktop.tasks import TaskRunner
from domain.application import Actor
from domain.catalog import Catalog, Staff
from domain.workdays import WorkCalendar
from sync.replica import Identity

Done = Callable[[Any], None]


@dataclass(frozen=True)
class Ready:
    """What the face needs before (local) or after (server) a login: names, calendar."""

    identity: Identity
    catalog: Catalog | None
    calendar: WorkCalendar | None
    calendar_warning: str | None = None


@dataclass(frozen=True)
class LoggedIn:
    staff: Staff
    catalog: Catalog
    calendar: WorkCalendar


class LocalBackend:
    """The terminal's replica: works offline; the sync worker carries the steps."""

    mode = "local"

    def __init__(self, runner: TaskRunner, today: Callable[[], dt.date]) -> None:
        self.runner = runner
        self.today = today
        self.ready: Ready | None = None

    def start(self, on_done: Done, on_error: Done) -> None:
        from desktop.counter.jobs import startup

        def done(info: Any) -> None:
            self.ready = Ready(info.identity, info.catalog, info.calendar,
                               info.calendar_warning)
            on_done(self.ready)

        self.runner.write(lambda store: startup(store, self.today()), done, on_error)

    def login(self, no: str, password: str, on_done: Done, on_error: Done) -> None:
        assert self.ready is not None and self.ready.catalog is not None
        ready = self.ready
        staff = ready.catalog.staff_member(no)
        self.runner.io(lambda: LoggedIn(jobs.check_reviewer(staff, password), ready.catalog,
                                        ready.calendar), on_done, on_error)

    def cases(self, staff: Staff, scope: str, on_done: Done, on_error: Done) -> None:
        fn = jobs.decided if scope == "decided" else jobs.queue
        self.runner.read(lambda r: fn(r, staff), on_done, on_error)

    def load(self, case_id: str, on_done: Done, on_error: Done) -> None:
        self.runner.read(lambda r: jobs.load(r, case_id), on_done, on_error)

    def record(self, case_id: str, actor: Actor, kind: str, payload: dict[str, Any],
               on_done: Done, on_error: Done) -> None:
        self.runner.write(lambda store: jobs.record(store, case_id, actor, kind, payload),
                          on_done, on_error)

    def logout(self) -> None:
        """Nothing to close: the replica stays this terminal's."""


class ServerBackend:
    """The server's back office: a token after login, every call on the I/O lane."""

    mode = "server"

    def __init__(self, runner: TaskRunner, client: BackofficeClient) -> None:
        self.runner = runner
        self.client = client
        self.ready: Ready | None = None

    @property
    def url(self) -> str:
        return self.client.url.rsplit("/api/", 1)[0]

    def start(self, on_done: Done, on_error: Done) -> None:
        # names and the calendar come with the login; nothing to read before
        self.ready = Ready(Identity("backoffice", "", self.client.hall, "server"), None, None)
        on_done(self.ready)

    def login(self, no: str, password: str, on_done: Done, on_error: Done) -> None:
        client = self.client

        def work() -> LoggedIn:
            rec = client.login(no, password)
            catalog, calendar = client.reference()
            staff = catalog.staff_member(rec["id"]) or Staff(
                id=rec["id"], no=rec["no"], name=rec["name"], role=rec["role"],
                department=rec.get("department"))
            return LoggedIn(staff, catalog, calendar)

        self.runner.io(work, on_done, on_error)

    def cases(self, staff: Staff, scope: str, on_done: Done, on_error: Done) -> None:
        self.runner.io(lambda: self.client.cases(scope), on_done, on_error)

    def load(self, case_id: str, on_done: Done, on_error: Done) -> None:
        self.runner.io(lambda: self.client.case(case_id), on_done, on_error)

    def record(self, case_id: str, actor: Actor, kind: str, payload: dict[str, Any],
               on_done: Done, on_error: Done) -> None:
        # the server records it as the hall's back office, in the logged-in staff's name
        self.runner.io(lambda: self.client.step(case_id, kind, payload), on_done, on_error)

    def logout(self) -> None:
        client = self.client
        self.runner.io(client.logout, None, lambda _exc: None)
