"""Read-only access to a jixiao database.

The workbench never writes: a typo in ``jixiao query`` must not be able to delete rows. SQLite
enforces this when the file is opened with ``mode=ro``; a database in a folder the user may
not write to (a shared drive) cannot keep WAL's shared-memory file, so ``immutable=1`` is the
fallback there."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote


class DatabaseError(Exception):
    """A database that cannot be opened or queried, said in one line for the user."""


def open_readonly(path: str | Path) -> sqlite3.Connection:
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(f"{path}: no such database (build one with `jixiao ingest FOLDER --db {path}`)")
    uri = "file:" + quote(str(path.resolve()))
    last: Exception | None = None
    for mode in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(f"{uri}?{mode}", uri=True, check_same_thread=False)
            conn.execute("select count(*) from sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            last = exc
            continue
        conn.execute("pragma temp_store = memory")  # temp tables must not need a writable folder
        conn.row_factory = sqlite3.Row
        return conn
    raise DatabaseError(f"{path}: cannot open as a SQLite database ({last})")


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("select 1 from sqlite_master where name = ? and type in ('table', 'view')",
                        [name]).fetchone() is not None
