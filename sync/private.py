"""Data files private to the user: folders 0700, files 0600 (个人信息保护法).

A replica holds ID numbers, phones, staff password hashes; the server's SQLite file
holds every hall's. On POSIX the folder is made 0700 and each file (with SQLite's -wal
and -shm beside it) 0600, whatever the umask. On Windows the data folder lives in the
user's profile (platformdirs' user data dir), whose ACL already grants only that user,
SYSTEM and administrators; files created inside inherit it, so there is nothing to set.
"""

from __future__ import annotations

import contextlib
import os
import pathlib

DIR_MODE = 0o700
FILE_MODE = 0o600
SQLITE_SIDES = ("", "-wal", "-shm", "-journal")


def private_dir(path: pathlib.Path | str, *, ours: bool = True) -> pathlib.Path:
    """Create `path` (and parents) if missing, 0700. An existing folder is made 0700 only
    when it is `ours` (a data folder), never a shared one a file merely sits in."""
    p = pathlib.Path(path)
    existed = p.is_dir()
    p.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    if os.name != "nt" and (ours or not existed):
        with contextlib.suppress(PermissionError):
            os.chmod(p, DIR_MODE)
    return p


def private_file(path: pathlib.Path | str) -> pathlib.Path:
    """Create `path` empty if missing, 0600 either way (before anything is written).

    An existing file is only chmod-ed, never opened: closing any descriptor of a SQLite
    file drops every POSIX lock this process holds on it.
    """
    p = pathlib.Path(path)
    if os.name == "nt":
        return p
    if not p.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(p, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE))
    with contextlib.suppress(PermissionError, FileNotFoundError):
        os.chmod(p, FILE_MODE)
    return p


def private_sqlite(path: pathlib.Path | str) -> None:
    """A SQLite database and its journal files, 0600 (SQLite gives the -wal and -shm the
    main file's mode, so the main file is made private before SQLite opens it)."""
    p = pathlib.Path(path)
    private_file(p)
    if os.name == "nt":
        return
    for side in SQLITE_SIDES[1:]:
        q = p.with_name(p.name + side)
        if q.exists():
            with contextlib.suppress(PermissionError, FileNotFoundError):
                os.chmod(q, FILE_MODE)


def write_private(path: pathlib.Path | str, data: str) -> None:
    """Write a small secret file (a token) 0600 from its first byte, atomically."""
    p = pathlib.Path(path)
    tmp = p.with_name(p.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        os.write(fd, data.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, p)
