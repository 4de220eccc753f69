"""Two threads opening a new replica at once (the writer and the sync worker at the first
start of a face) must not both run migration 1: the loser saw "table meta already
exists", its thread pool died, and `yichuang demo --screenshot` hung in a fresh home."""

from __future__ import annotations

import pathlib
import threading

from sync.replica import Replica


def _open_together(path: pathlib.Path, n: int) -> list[BaseException]:
    errors: list[BaseException] = []
    gate = threading.Barrier(n)

    def open_it() -> None:
        gate.wait()
        try:
            Replica(path).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_concurrent_first_opens_migrate_once(tmp_path):
    for attempt in range(40):
        errors = _open_together(tmp_path / f"r{attempt}" / "replica.sqlite3", 2)
        assert not errors, f"attempt {attempt}: {errors[0]!r}"
