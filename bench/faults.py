"""`make faults`: a long fault campaign outside `make test` (issue 13).

    python -m bench.faults [--faults 10000] [--db sqlite,postgres] [--seed 7] [--out DIR]

Six terminals in two halls work and sync against a real server through misbehaving
links, on SQLite and then PostgreSQL. Injected, in a seeded random order until the
count is reached (split between the databases):

- per connection (tests/support/proxy.py): a cut request, a lost (cut) answer, a 503,
  a link down; one terminal's link is bench/shaper.py (slow, every 7th connection
  cut mid-request, every 5th answer lost);
- a sync process SIGKILLed mid-round, two syncs of one terminal at once;
- the server SIGKILLed and restarted, the server restored from an earlier backup;
- poison events pushed with a terminal's token, and poison stored the way an older
  server did (each terminal must quarantine it and go on).

Every event a terminal commits goes into a ledger (a JSON-lines file). At the end the
faults stop, the terminals sync on a clean link, and the last line says
`lost N, doubled N, stuck N` — all 0 to pass (exit status 0).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import pathlib
import random
import signal
import subprocess
import sys
import tempfile
import time

from bench.faults_check import Ledger, Verdict, judge
from bench.workload import write_week
from domain import events as ev
from domain.ids import uuid7
from sync import wire
from sync.client_cli import sync_once
from sync.replica import Replica
from tests.support import proxy as px
from tests.support.servers import (
    DEMO_CATALOG,
    ROOT,
    PgCluster,
    ServerProcess,
    enrol_code,
    free_port,
    pg_bin,
    setup_hall,
)
from tests.support.terminal import Term, token_of

HALLS = ("371100", "371122")
LINK_FAULTS = (px.CUT_REQUEST, px.CUT_RESPONSE, px.ERROR_503, px.DOWN)


class Campaign:
    """One database's campaign: server, links, six terminals, the ledger."""

    def __init__(self, db_url: str, work: pathlib.Path, target: int, rng: random.Random,
                 kind: str) -> None:
        self.db_url, self.work, self.target, self.rng, self.kind = db_url, work, target, rng, kind
        self.faults: dict[str, int] = {}
        self.ledger = Ledger(work / f"ledger-{kind}.jsonl")
        self.backup: pathlib.Path | None = None
        self.poison_ids: set[str] = set()

    # --- set-up -------------------------------------------------------------------------
    def start(self) -> None:
        setup_hall(self.db_url)
        from server import admin, db

        database = db.Database(self.db_url)
        with database.writer() as conn:
            data = json.loads(DEMO_CATALOG.read_text("utf-8"))
            admin.import_catalog(conn, data, HALLS[1])
        database.dispose()
        self.server = ServerProcess(self.db_url, log_dir=self.work).start()
        self.halls: dict[str, list[pathlib.Path]] = {h: [] for h in HALLS}
        self.proxies: list[px.FaultyProxy] = []
        self.shaper = None
        for i in range(6):
            hall = HALLS[i // 3]
            d = self.work / f"{self.kind}-t{i}"
            Term(d, self.server.url, enrol_code(self.db_url, hall))
            self.halls[hall].append(d)
            url = self._shaper_url() if i == 5 else self._proxy_url(i)
            with Replica.in_dir(d) as r:
                r.set_meta("server_url", url)

    def _proxy_url(self, i: int) -> str:
        rng = random.Random(self.rng.random())

        def plan(n: int) -> str:
            f = rng.choice(LINK_FAULTS) if rng.random() < 0.55 else px.PASS
            if f != px.PASS:
                self._count(f"link:{f}")
            return f

        proxy = px.FaultyProxy(self.server.port, plan=plan, delay_s=0.002 * (i % 2),
                               cut_after=self.rng.choice((60, 200, 1500))).start()
        self.proxies.append(proxy)
        return proxy.url

    def _shaper_url(self) -> str:
        self.shaper_port = free_port()
        self._start_shaper()
        return f"http://127.0.0.1:{self.shaper_port}"

    def _start_shaper(self) -> None:
        self.shaper_ctl = free_port()
        self.shaper = subprocess.Popen(
            [sys.executable, str(ROOT / "bench/shaper.py"), "--listen", str(self.shaper_port),
             "--target", str(self.server.port), "--control", str(self.shaper_ctl),
             "--up-kbps", "512", "--down-kbps", "1024", "--delay-ms", "40",
             "--drop-every", "7", "--lose-response-every", "5", "--max-seconds", "7200"],
            stdout=subprocess.PIPE, text=True)
        self.shaper.stdout.readline()  # "shaper ready"

    def _restart_server(self) -> None:
        """Start the server again; if its port was taken meanwhile (the machine is
        shared), on a new one, and the links follow it."""
        for _ in range(3):
            try:
                self.server.start()
                return
            except RuntimeError:
                time.sleep(1)
        self.server.port = free_port()
        self.server.start()
        for p in self.proxies:
            p.target_port = self.server.port
        if self.shaper is not None:
            self._shaper_base = self._shaper_faults()
            self.shaper.terminate()
            self.shaper.wait(10)
            self._start_shaper()
        self._count("server_moved_port")

    # --- counting -------------------------------------------------------------------------
    def _count(self, what: str, n: int = 1) -> None:
        self.faults[what] = self.faults.get(what, 0) + n

    def total(self) -> int:
        return sum(self.faults.values()) + self._shaper_faults()

    def _shaper_faults(self) -> int:
        if self.shaper is None:
            return 0
        import socket

        try:
            with socket.create_connection(("127.0.0.1", self.shaper_ctl), timeout=2) as s:
                s.sendall(b"stats\n")
                conns = json.loads(s.makefile().readline())["conns"]
        except (OSError, ValueError):
            return self._shaped
        self._shaped = self._shaper_base + conns // 7 + conns // 5 - conns // 35
        return self._shaped

    _shaped = 0
    _shaper_base = 0

    # --- the campaign ---------------------------------------------------------------------
    def run(self) -> Verdict:
        self.start()
        rounds, t0 = 0, time.monotonic()
        try:
            while self.total() < self.target:
                rounds += 1
                self._round(rounds)
                if rounds % 20 == 0:
                    print(f"  {self.kind}: round {rounds}, {self.total()} faults, "
                          f"{len(self.ledger.events)} events, {time.monotonic() - t0:.0f} s",
                          flush=True)
            return self._finish(rounds, time.monotonic() - t0)
        finally:
            self._stop()

    def _round(self, n: int) -> None:
        for hall, dirs in self.halls.items():
            shared = self._open_cases(dirs[0])
            for d in dirs:
                if self.rng.random() < 0.5:
                    with Replica.in_dir(d) as r:
                        write_week(r, self.rng.randrange(1, 6), seed=self.rng.randrange(10**9),
                                   start=dt.datetime.now(ev.CHINA_TZ),
                                   shared=self.rng.sample(shared, min(3, len(shared))))
                self.ledger.note(d, hall)
        if n % 9 == 0:
            self._poison_push()
        if n % 97 == 0:
            self._poison_stored()
        if n % 41 == 0:
            self._server_kill()
        if n % 83 == 0:
            self._take_backup()
        if n % 83 == 50 and self.backup is not None:
            self._restore()
        everyone = [d for dirs in self.halls.values() for d in dirs]
        self.rng.shuffle(everyone)
        for d in everyone:
            r = self.rng.random()
            if r < 0.015:
                self._killed_sync(d)
            elif r < 0.025:
                self._concurrent_syncs(d)
            elif r < 0.95:
                sync_once(d)

    def _open_cases(self, d: pathlib.Path) -> list[str]:
        with Replica.in_dir(d) as r:
            return [x[0] for x in r.conn.execute(
                "SELECT id FROM cases WHERE state NOT IN ('issued', 'refused', 'withdrawn') "
                "ORDER BY updated_at DESC LIMIT 30")]

    def _sync_process(self, d: pathlib.Path) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "desktop.cli", "sync", "--data-dir",
                                 str(d), "--once"], cwd=ROOT, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)

    def _killed_sync(self, d: pathlib.Path) -> None:
        p = self._sync_process(d)
        time.sleep(self.rng.uniform(0.3, 1.6))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            self._count("sync_sigkilled")
        p.wait(30)

    def _concurrent_syncs(self, d: pathlib.Path) -> None:
        ps = [self._sync_process(d) for _ in range(2)]
        for p in ps:
            p.wait(120)
        self._count("concurrent_syncs")

    def _server_kill(self) -> None:
        d = self.rng.choice(self.halls[HALLS[0]])
        p = self._sync_process(d)
        time.sleep(self.rng.uniform(0.2, 1.2))
        self.server.kill()
        p.wait(60)
        self._restart_server()
        self._count("server_sigkilled")

    def _take_backup(self) -> None:
        self.backup = self.work / f"{self.kind}-backup-{time.monotonic_ns()}"
        if self.kind == "sqlite":
            from server import admin, db

            database = db.Database(self.db_url)
            admin.backup_sqlite(database, str(self.backup))
            database.dispose()
        else:
            subprocess.run([str(pg_bin() / "pg_dump"), "-Fc", "-f", str(self.backup),
                            "--dbname", self.db_url], check=True, capture_output=True)

    def _restore(self) -> None:
        self.server.stop()
        if self.kind == "sqlite":
            path = pathlib.Path(self.db_url.removeprefix("sqlite:///"))
            for side in ("-wal", "-shm"):
                pathlib.Path(str(path) + side).unlink(missing_ok=True)
            path.write_bytes(self.backup.read_bytes())
        else:
            subprocess.run([str(pg_bin() / "pg_restore"), "--clean", "--if-exists",
                            "--single-transaction", "--dbname", self.db_url, str(self.backup)],
                           check=True, capture_output=True)
        self._restart_server()
        self.backup = None
        self._count("server_restored")

    def _poison_push(self) -> None:
        import requests

        d = self.rng.choice(self.halls[HALLS[1]])
        with Replica.in_dir(d) as r:
            tid = r.identity().terminal_id
            seq = r.next_counter(f"seq:{tid}")  # a seq of its own, so no "R" follows
        bad = [{"promised_days": 5000}, {"applicant": {"name": ["x"]}},
               {"item_name": {"x": 1}}, {"materials": [{"id": 1}]}]
        rows = [ev.Event(id=uuid7(), case_id=uuid7(), kind=ev.REGISTERED,
                         payload=self.rng.choice(bad), expected_state=None, terminal_id=tid,
                         terminal_seq=seq, staff_id="S001",
                         recorded_at=self.rng.choice(("9999-12-31T23:59:59-12:00",
                                                      ev.now_iso(dt.datetime.now()))))]
        try:
            requests.post(self.server.url + "/api/v1/sync/push", timeout=10,
                          json={"batch": wire.pack_events(rows)},
                          headers={wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION),
                                   "Authorization": f"Bearer {token_of(d)}"})
        except requests.RequestException:
            return
        self._count("poison_pushed")

    def _poison_stored(self) -> None:
        """What an older server stored unchecked: every terminal must quarantine it."""
        import sqlalchemy as sa

        from server import db

        database = db.Database(self.db_url)
        eid, cid = uuid7(), uuid7()
        payload = {"promised_days": 5000, "item_name": "poison", "applicant": {}}
        with database.writer() as conn:
            seq = db.next_seqs(conn, 1)
            conn.execute(db.events.insert().values(
                server_seq=seq, id=eid, hall_code=HALLS[0], case_id=cid, kind=ev.REGISTERED,
                payload=json.dumps(payload), expected_state=None, terminal_id="old-server",
                terminal_seq=seq, staff_id="S001", window_id=None,
                recorded_at=ev.now_iso(dt.datetime.now()), verdict="applied",
                pushed_by="old-server", received_at="2026-01-01T00:00:00+00:00"))
            conn.execute(db.cases.insert().values(id=cid, hall_code=HALLS[0], stream="case",
                                                  state="registered", conflicts=0,
                                                  last_seq=seq, updated_at="2026-01-01"))
            assert conn.execute(sa.select(db.events.c.id).where(db.events.c.id == eid)).one()
        database.dispose()
        self.poison_ids.add(eid)
        self._count("poison_stored")

    def _finish(self, rounds: int, seconds: float) -> Verdict:
        for d in (d for dirs in self.halls.values() for d in dirs):  # a clean link now
            with Replica.in_dir(d) as r:
                r.set_meta("server_url", self.server.url)
        failed = 0
        for _ in range(6):
            outs = [sync_once(d) for dirs in self.halls.values() for d in dirs]
            failed = sum(not o["ok"] for o in outs)
        for hall, dirs in self.halls.items():
            for d in dirs:
                self.ledger.note(d, hall)
        v = judge(self.ledger, self.db_url, self.halls, failed, self.poison_ids)
        wrong = self._quarantine_check()
        v.lost += wrong
        if wrong:
            v.notes.append(f"{wrong} quarantined wrongly (or poison not set aside)")
        faults = {**self.faults, "shaper:cut_or_lost": self._shaper_faults()}
        print(f"{self.kind}: {rounds} rounds in {seconds:.0f} s, {sum(faults.values())} "
              f"faults {json.dumps(faults, sort_keys=True)}, {len(self.ledger.events)} events "
              f"in the ledger ({self.ledger.path}); lost {v.lost}, doubled {v.doubled}, "
              f"stuck {v.stuck}", flush=True)
        for note in v.notes[:20]:
            print("   ", note)
        return v

    def _quarantine_check(self) -> int:
        """Legitimate events quarantined, and stored poison some terminal did not set
        aside (poison a restore removed before a terminal pulled it need not be there)."""
        import sqlalchemy as sa

        from server import db

        database = db.Database(self.db_url)
        with database.reader() as conn:
            present = {r[0] for r in conn.execute(
                sa.select(db.events.c.id).where(db.events.c.id.in_(self.poison_ids)))}
        database.dispose()
        wrong = 0
        for d in self.halls[HALLS[0]]:
            with Replica.in_dir(d) as r:
                q = {x[0] for x in r.conn.execute("SELECT event_id FROM quarantine")}
            wrong += len(q - self.poison_ids) + len(present - q)
        return wrong

    def _stop(self) -> None:
        for p in self.proxies:
            with contextlib.suppress(Exception):  # one stuck on a cut: it dies with us
                p.stop()
        if self.shaper is not None:
            self.shaper.terminate()
        self.server.stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--faults", type=int, default=10_000, help="total, split between databases")
    ap.add_argument("--db", default="sqlite,postgres")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=pathlib.Path, default=None)
    a = ap.parse_args(argv)
    os.environ.setdefault("YICHUANG_KEYRING", "0")
    kinds = [k.strip() for k in a.db.split(",") if k.strip()]
    work = a.out or pathlib.Path(tempfile.mkdtemp(prefix="yc-faults-"))
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(a.seed)
    total, faults = Verdict(), 0
    print(f"fault campaign: {a.faults} faults over {', '.join(kinds)}; 6 terminals in 2 halls; "
          f"seed {a.seed}; work in {work}", flush=True)
    for kind in kinds:
        cluster = None
        if kind == "postgres":
            cluster = PgCluster().start()
            url = cluster.new_database("faults")
        else:
            url = f"sqlite:///{work / 'server.sqlite3'}"
        try:
            c = Campaign(url, work, -(-a.faults // len(kinds)), rng, kind)
            total.add(c.run())
            faults += c.total()
        finally:
            if cluster is not None:
                cluster.stop()
    print(f"{faults} faults injected in all")
    print(f"lost {total.lost}, doubled {total.doubled}, stuck {total.stuck}")
    return 0 if total.lost == total.doubled == total.stuck == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
