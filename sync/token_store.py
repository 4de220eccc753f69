"""Where a terminal keeps its bearer token: the system keyring, else a private file —
never the replica's plain `meta` table (a copied replica must not carry the key).

The keyring (Windows Credential Manager, macOS Keychain, Secret Service on a Linux
desktop) is used through the `keyring` library when it has a usable backend; on a
headless Linux PC it has none, and the token goes to `token` in the data folder, 0600
from its first byte. The replica remembers which (meta `token_store`) and a random
per-replica key name, so a data folder that moves keeps its token. A token found in
the meta table (older versions kept it there) is moved out on first use.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pathlib
import uuid

from sync.private import write_private
from sync.replica import Replica

log = logging.getLogger(__name__)

SERVICE = "yichuang-terminal"
FILE_NAME = "token"
KEYRING, FILE = "keyring", "file"


def _keyring():  # type: ignore[no-untyped-def]
    """The keyring module when a real backend is there, else None."""
    if os.environ.get("YICHUANG_KEYRING", "1") == "0":
        return None
    try:
        import keyring
        from keyring.backends import chainer, fail, null
    except Exception:  # not installed, or a broken backend import
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring | null.Keyring) or (
            isinstance(backend, chainer.ChainerBackend) and not backend.backends):
        return None
    return keyring


def _key(replica: Replica) -> str:
    key = replica.get_meta("token_key")
    if key is None:
        key = uuid.uuid4().hex
        replica.set_meta("token_key", key)
    return key


def _file(replica: Replica) -> pathlib.Path:
    return replica.path.parent / FILE_NAME


def save(replica: Replica, token: str) -> str:
    """Store the token; returns where (`keyring` or `file`)."""
    kr = _keyring()
    where = FILE
    if kr is not None:
        try:
            kr.set_password(SERVICE, _key(replica), token)
            where = KEYRING
        except Exception as exc:  # a locked or refusing keyring: fall back to the file
            log.warning("keyring refused the token (%s): kept in a private file",
                        type(exc).__name__)
    if where == FILE:
        write_private(_file(replica), token)
    else:
        with contextlib.suppress(FileNotFoundError):
            _file(replica).unlink()
    with replica.transaction():
        replica.set_meta("token_store", where)
        replica.conn.execute("DELETE FROM meta WHERE key='token'")
    return where


def load(replica: Replica) -> str | None:
    """The token, or None; moves one left in the meta table to its proper place."""
    legacy = replica.get_meta("token")
    if legacy:
        save(replica, legacy)
        return legacy
    if replica.get_meta("token_store") == KEYRING:
        kr = _keyring()
        if kr is not None:
            try:
                token = kr.get_password(SERVICE, _key(replica))
            except Exception:
                token = None
            if token:
                return token
    try:
        return _file(replica).read_text("utf-8").strip() or None
    except (FileNotFoundError, OSError):
        return None


def forget(replica: Replica) -> None:
    """Remove the token from wherever it is."""
    kr = _keyring()
    if kr is not None and replica.get_meta("token_store") == KEYRING:
        with contextlib.suppress(Exception):
            kr.delete_password(SERVICE, _key(replica))
    with contextlib.suppress(FileNotFoundError):
        _file(replica).unlink()
    replica.conn.execute("DELETE FROM meta WHERE key IN ('token', 'token_store')")
