"""Schemathesis against the live server's OpenAPI, every check (`--checks all`), on SQLite
and PostgreSQL: no 5xx, every answer as documented, and the schema says exactly what the
server takes — what it describes is accepted, what it does not is refused with a 4xx."""

from __future__ import annotations

import pathlib
import subprocess
import sys

import pytest
import requests

from sync import wire
from tests.support.servers import ServerProcess, enrol_code

H = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}
CLI = pathlib.Path(sys.executable).with_name("schemathesis")


@pytest.fixture
def live_api(hall_db, tmp_path):
    srv = ServerProcess(hall_db, log_dir=tmp_path).start()
    token = requests.post(srv.url + "/api/v1/enrol", json={"code": enrol_code(hall_db)},
                          headers=H, timeout=10).json()["token"]
    yield srv, token
    srv.stop()


def test_every_check_passes_on_every_operation(live_api, tmp_path):
    srv, token = live_api
    out = subprocess.run(
        [str(CLI), "run", srv.url + "/openapi.json", "--checks", "all",
         "-H", f"{wire.PROTOCOL_HEADER}: {wire.PROTOCOL_VERSION}",
         "-H", f"Authorization: Bearer {token}", "--max-examples", "25", "--seed", "13",
         "--no-color"], capture_output=True, text=True, timeout=600,
        cwd=tmp_path)  # its cache stays out of the work tree
    report = out.stdout[-6000:] + out.stderr[-2000:]
    assert out.returncode == 0, report
    spec = requests.get(srv.url + "/openapi.json", timeout=10).json()
    n = sum(1 for path in spec["paths"].values() for op in path.values()
            if isinstance(op, dict))
    # every operation was exercised (the wording differs between schemathesis releases)
    assert f"Selected: {n}/{n}" in out.stdout or f"{n} selected / {n} total" in out.stdout, \
        report
    log = srv.log_path.read_text("utf-8", errors="replace")
    assert "Traceback" not in log and " 500 " not in log


def test_openapi_is_served_and_describes_the_push_body(live_api):
    srv, _ = live_api
    spec = requests.get(srv.url + "/openapi.json", timeout=10).json()
    assert "/api/v1/sync/push" in spec["paths"] and "/api/v1/sync/pull" in spec["paths"]
    body = spec["components"]["schemas"]["Batch"]
    assert set(body["required"]) >= {"n", "id", "tid", "seq", "case", "k", "p"}
    assert body["additionalProperties"] is False
