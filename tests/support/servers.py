"""Real server processes for tests: uvicorn via `yichuang server`, and a throwaway
PostgreSQL cluster on loopback (initdb into a temp dir, pg_ctl on a free port)."""

from __future__ import annotations

import contextlib
import glob
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from typing import Any

import requests

ROOT = pathlib.Path(__file__).resolve().parents[2]
DEMO_CATALOG = ROOT / "resources" / "catalog" / "demo.json"
HALL = "371100"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def yichuang(*args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the real command line, as a user would."""
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, check=check, timeout=timeout)


class ServerProcess:
    """`yichuang server --db URL --port P` in a child process; kill/restart at will.

    `args` go after the command (a hall node's `--upstream …`); `prefix` runs it
    elsewhere (`ip netns exec NS`), with `host` its address there and `run` the way to
    reach it (a function that runs a callable in that network).
    """

    def __init__(self, db_url: str, port: int | None = None, log_dir: pathlib.Path | None = None,
                 *, args: Sequence[str] = (), prefix: Sequence[str] = (),
                 host: str = "127.0.0.1", run: Callable[..., Any] | None = None,
                 log_level: str = "warning") -> None:
        self.db_url, self.port = db_url, port or free_port()
        self.log_path = (log_dir or pathlib.Path(tempfile.gettempdir())) / f"server-{self.port}.log"
        self.proc: subprocess.Popen | None = None
        self.args, self.prefix, self.host = list(args), list(prefix), host
        self.run = run or (lambda fn, *a, **kw: fn(*a, **kw))
        self.log_level = log_level

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def health(self, timeout: float = 1) -> dict | None:
        """The health answer, or None when it does not answer."""
        try:
            resp = self.run(requests.get, self.url + "/api/v1/health", timeout=timeout)
        except requests.RequestException:
            return None
        return resp.json() if resp.ok else None

    def start(self, timeout: float = 30) -> ServerProcess:
        log = open(self.log_path, "ab")  # noqa: SIM115 - lives as long as the process
        self.proc = subprocess.Popen(
            [*self.prefix, sys.executable, "-m", "desktop.cli", "server", "--db", self.db_url,
             "--host", self.host, "--port", str(self.port), "--log-level", self.log_level,
             *self.args], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)  # its own group: --workers N has children
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log_path.read_text()[-2000:]}")
            if self.health() is not None:
                return self
            time.sleep(0.1)
        raise RuntimeError("server did not start")

    def _signal(self, sig: int) -> None:
        """To the server and its workers (the group it leads)."""
        assert self.proc is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, sig)

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self._signal(signal.SIGKILL)
            self.proc.wait(10)
        elif self.proc:
            self._signal(signal.SIGKILL)  # workers left behind by a dead supervisor

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self._signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


def setup_hall(db_url: str, *, reviewers: bool = True) -> None:
    """The demo hall, its catalog, and a reviewer per department for the back office:
    9001 for D01, 9005 for D05 … (password pw-9001), and a head 9101 of D01 (pw-9001).

    In-process for speed; test_server_cli runs the same steps through the commands.
    """
    import json

    from server import admin, db

    catalog = json.loads(DEMO_CATALOG.read_text("utf-8"))
    database = db.Database(db_url)
    try:
        db.init_db(database.engine)
        with database.writer() as conn:
            admin.ensure_calendar(conn)
            admin.import_catalog(conn, catalog)
            if reviewers:
                for staff in backoffice_staff(catalog):
                    admin.add_staff(conn, HALL, staff)
    finally:
        database.dispose()


def backoffice_staff(catalog: dict) -> list[dict]:
    """Reviewers 9001… (one per department) and the head 9101 of D01."""
    from server import admin

    h = _reviewer_hash()
    out = []
    for d in catalog["departments"]:
        n = int(d["id"][1:])
        out.append(admin.staff_record(f"S9{n:03d}", f"9{n:03d}", f"审核员{n}", "reviewer", None,
                                      password_hash=h, department=d["id"]))
    out.append(admin.staff_record("S9101", "9101", "负责人", "head", None, password_hash=h,
                                  department="D01"))
    return out


def _reviewer_hash() -> str:
    global _HASH
    if _HASH is None:
        from domain import passwords

        _HASH = passwords.hash_password(REVIEWER_PASSWORD)
    return _HASH


REVIEWER_PASSWORD = "pw-9001"
_HASH: str | None = None
_TOKENS: dict[tuple[str, str], str] = {}


def case_department(db_url: str, case_id: str) -> str:
    """The department of a case stored on the server (its registration's snapshot)."""
    import json

    import sqlalchemy as sa

    from server import db

    database = db.Database(db_url)
    try:
        with database.reader() as conn:
            row = conn.execute(sa.select(db.events.c.payload).where(
                db.events.c.case_id == case_id, db.events.c.kind == "registered")
            ).first()
    finally:
        database.dispose()
    return str(json.loads(row.payload).get("department", "")) if row else "D01"


def backoffice_token(url: str, no: str = "9001", password: str = REVIEWER_PASSWORD,
                     hall: str = HALL) -> str:
    """A back-office token (logged in once per server, hall and staff number)."""
    from sync import wire

    key = (url, no, hall)
    if key not in _TOKENS:
        r = requests.post(f"{url}/api/v1/backoffice/login", params={"hall": hall},
                          auth=(no, password),
                          headers={wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}, timeout=30)
        r.raise_for_status()
        _TOKENS[key] = r.json()["token"]
    return _TOKENS[key]


def backoffice_decide(server: ServerProcess, case_id: str, decision: str,
                      reason: str = "审查意见", *, hall: str = HALL, url: str | None = None
                      ) -> requests.Response:
    """The department's reviewer approves / rejects a case through the back office (of
    `url`, by default the server's own)."""
    from sync import wire

    url = url or server.url
    dep = case_department(server.db_url, case_id)
    token = backoffice_token(url, f"9{int(dep[1:] or 1):03d}", hall=hall)
    kind = {"approve": "approved", "reject": "rejected"}[decision]
    return requests.post(f"{url}/api/v1/backoffice/cases/{case_id}/steps",
                         json={"kind": kind, "reason": reason},
                         headers={wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION),
                                  "Authorization": f"Bearer {token}"}, timeout=30)


def enrol_code(db_url: str, hall: str = HALL, *, node_codes: int | None = None) -> str:
    """A one-time code (for a hall node with `node_codes`), straight in the database."""
    from server import auth, db

    database = db.Database(db_url)
    try:
        with database.writer() as conn:
            return auth.issue_code(conn, hall, node_codes=node_codes)
    finally:
        database.dispose()


# --- PostgreSQL --------------------------------------------------------------------------

def pg_bin() -> pathlib.Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return pathlib.Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return pathlib.Path(initdb).parent if initdb else None


class PgCluster:
    """A throwaway cluster; as root it runs as the `postgres` OS user (runuser)."""

    def __init__(self) -> None:
        self.bin = pg_bin()
        if self.bin is None:
            raise RuntimeError("PostgreSQL binaries (initdb, pg_ctl) not found; "
                               "install the Debian package `postgresql`")
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="yc-pg-"))
        self.port = free_port()
        self.user = None
        if os.geteuid() == 0:
            import pwd

            try:
                pw = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise RuntimeError("running as root and no `postgres` OS user") from exc
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)
            self.user = "postgres"

    def _run(self, *cmd: str) -> None:
        argv = list(cmd)
        if self.user:
            argv = ["runuser", "-u", self.user, "--", *argv]
        subprocess.run(argv, check=True, capture_output=True, timeout=120)

    def start(self, *, fsync: bool = False) -> PgCluster:
        """initdb and start; `fsync`: as in production (the benchmarks), not as tests
        run (off: a test never survives a power cut anyway, and runs faster)."""
        data = self.dir / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--no-sync")
        self._run(str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "log"), "-w",
                  "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
                  f"-c fsync={'on' if fsync else 'off'} -c max_connections=200", "start")
        return self

    def stop(self) -> None:
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "immediate",
                      "stop")
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def postmaster_pid(self) -> int | None:
        """The cluster's main process (its CPU, with its children's, is the database's)."""
        try:
            return int((self.dir / "data" / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def new_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"
