"""Two connections opening a new replica at once (the app's writer and a reader, or
`yichuang sync` beside the app) must not both run the same migration."""

from __future__ import annotations

import threading
import time

from sync import replica as rp
from sync.schema import MIGRATIONS


def test_a_migration_another_connection_ran_meanwhile_is_skipped(tmp_path):
    path = tmp_path / rp.DB_NAME
    first = rp.connect(path)
    first.execute("BEGIN IMMEDIATE")  # the first opener is migrating …
    result: dict = {}

    def second() -> None:
        try:
            with rp.Replica(path) as r:  # … while the second reads version 0 and waits
                result["version"] = r.conn.execute("PRAGMA user_version").fetchone()[0]
        except Exception as exc:
            result["error"] = exc

    t = threading.Thread(target=second)
    t.start()
    time.sleep(0.5)
    for sql in MIGRATIONS:
        for statement in sql.split(";"):
            if statement.strip():
                first.execute(statement)
    first.execute(f"PRAGMA user_version={len(MIGRATIONS)}")
    first.execute("COMMIT")
    t.join(20)
    first.close()
    assert "error" not in result, result.get("error")
    assert result["version"] == len(MIGRATIONS)
