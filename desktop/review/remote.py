"""The reviewer face against the server over the city network: a small client of the
back-office API (server/app.py), Qt-free, run on the task runner's I/O lane.

The password is sent once, in the login request's Authorization header; afterwards a
short-lived token. A case comes back as its events and is folded here with the same
domain code as everywhere; a step goes to the server, which writes it into the change
log as the hall's back office, and the case is read back.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

import requests

from domain import streams
from domain.case import Case
from domain.catalog import Catalog, catalog_from_dict
from domain.errors import DomainError
from domain.events import Event
from domain.workdays import WorkCalendar
from sync import wire

log = logging.getLogger(__name__)

# the fields of a step request (server.app.StepRequest); other payload keys stay home
STEP_FIELDS = ("reason", "opinion", "missing", "pause_reason", "days")


class RemoteError(DomainError):
    """The server refused or could not be reached: the message says which."""

    code = "bo.remote"


class BackofficeClient:
    """One reviewer's session with the server's back office."""

    def __init__(self, url: str, hall: str, *, timeout: float = 15.0) -> None:
        self.url = url.rstrip("/") + "/api/v1/backoffice"
        self.hall = hall
        self.timeout = timeout
        self.token = ""
        self.http = requests.Session()
        self.http.headers[wire.PROTOCOL_HEADER] = str(wire.PROTOCOL_VERSION)

    def _call(self, method: str, path: str, **kw: Any) -> Any:
        if self.token:
            kw.setdefault("headers", {})["Authorization"] = f"Bearer {self.token}"
        try:
            r = self.http.request(method, self.url + path, timeout=self.timeout, **kw)
        except requests.RequestException as exc:
            log.warning("back office unreachable: %s", type(exc).__name__)
            raise RemoteError("无法连接审批服务器，请检查网络后重试", code="bo.offline") from exc
        if r.status_code == 401:
            self.token = ""
            # the server's own sentence for a failed login (it never says which part)
            raise RemoteError(_detail(r), code="bo.session" if path != "/login"
                              else "bo.login")
        if r.status_code >= 400:
            raise RemoteError(_detail(r), code=f"bo.http_{r.status_code}")
        return r.json()

    def login(self, no: str, password: str) -> dict[str, Any]:
        """The staff record (id, role, department …); RemoteError on any failure."""
        self.token = ""
        got = self._call("POST", "/login", params={"hall": self.hall}, auth=(no, password))
        self.token = got["token"]
        return got["staff"]

    def logout(self) -> None:
        if self.token:
            try:
                self._call("POST", "/logout")
            finally:
                self.token = ""

    def reference(self) -> tuple[Catalog, WorkCalendar]:
        """The hall's catalog and calendar, for names, limits and papers."""
        data = self._call("GET", "/reference")
        from sync.reference import pinyin_initials

        catalog = catalog_from_dict(data, pinyin_initials)
        from sync import festivals

        # the loaded years, and for others the same provisional estimate as a replica
        cal = WorkCalendar.from_dict(data.get("calendar") or {"years": []})
        return catalog, dataclasses.replace(cal, estimate=festivals.estimate)

    def cases(self, scope: str = "queue") -> list[dict[str, Any]]:
        return self._call("GET", "/cases", params={"scope": scope})

    def case(self, case_id: str) -> Case:
        # the server's verdicts come with its events: a step it ruled out stays out here
        events = [Event.from_wire(e).with_verdict(e.get("verdict"))
                  for e in self._call("GET", f"/cases/{case_id}")["events"]]
        if not events:
            raise RemoteError("没有这个办件", code="bo.http_404")
        return streams.fold(events, case_id)

    def step(self, case_id: str, kind: str, payload: dict[str, Any]) -> Case:
        body = {"kind": kind, **{k: payload[k] for k in STEP_FIELDS if k in payload}}
        self._call("POST", f"/cases/{case_id}/steps", json=body)
        return self.case(case_id)


def _detail(r: requests.Response) -> str:
    try:
        return str(r.json().get("detail", r.reason))
    except ValueError:
        return f"HTTP {r.status_code}"

