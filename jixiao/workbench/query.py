"""``jixiao query``: any SELECT over the database, never a write.

The file is opened read-only (``connect.open_readonly``) and an authorizer also refuses
writes and ATTACH, because ATTACH would open a second database with write access and
slip past the read-only file mode. A refused statement ends in one line that says what was
refused, instead of SQLite's bare "not authorized"."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass

_WRITE_ACTIONS = {
    getattr(sqlite3, name): label for name, label in (
        ("SQLITE_INSERT", "INSERT"), ("SQLITE_UPDATE", "UPDATE"), ("SQLITE_DELETE", "DELETE"),
        ("SQLITE_CREATE_INDEX", "CREATE INDEX"), ("SQLITE_CREATE_TABLE", "CREATE TABLE"),
        ("SQLITE_CREATE_TRIGGER", "CREATE TRIGGER"), ("SQLITE_CREATE_VIEW", "CREATE VIEW"),
        ("SQLITE_CREATE_VTABLE", "CREATE VIRTUAL TABLE"), ("SQLITE_DROP_INDEX", "DROP INDEX"),
        ("SQLITE_DROP_TABLE", "DROP TABLE"), ("SQLITE_DROP_TRIGGER", "DROP TRIGGER"),
        ("SQLITE_DROP_VIEW", "DROP VIEW"), ("SQLITE_DROP_VTABLE", "DROP VIRTUAL TABLE"),
        ("SQLITE_ALTER_TABLE", "ALTER TABLE"), ("SQLITE_ATTACH", "ATTACH"), ("SQLITE_DETACH", "DETACH"),
        ("SQLITE_REINDEX", "REINDEX"), ("SQLITE_ANALYZE", "ANALYZE"))
    if hasattr(sqlite3, name)
}
# pragmas that change the file or the schema when given a value (table_info(x) only reads)
_PRAGMA_WRITES = {"journal_mode", "user_version", "application_id", "schema_version", "writable_schema",
                  "wal_checkpoint", "incremental_vacuum", "optimize", "auto_vacuum", "page_size"}
_ROW_WRITES = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}
# temp objects live in memory, not in the database file; allowing them keeps CTE-heavy
# tools working without opening a way to change the file
_TEMP_OK = {getattr(sqlite3, n) for n in ("SQLITE_CREATE_TEMP_TABLE", "SQLITE_CREATE_TEMP_VIEW",
                                           "SQLITE_CREATE_TEMP_INDEX", "SQLITE_DROP_TEMP_TABLE",
                                           "SQLITE_DROP_TEMP_VIEW", "SQLITE_DROP_TEMP_INDEX") if hasattr(sqlite3, n)}


class QueryError(Exception):
    """A query that failed, with a one-line reason for the user."""


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple]


def run_query(conn: sqlite3.Connection, sql: str, params: dict | list | None = None,
              max_rows: int | None = None) -> QueryResult:
    refused: list[str] = []

    def authorizer(action, arg1, arg2, dbname, source):
        if action in _TEMP_OK:
            return sqlite3.SQLITE_OK
        if action in _ROW_WRITES and (arg1 or "").startswith("sqlite_"):
            # the catalogue edit that CREATE/DROP make first: let the statement's own
            # action (CREATE TABLE, DROP VIEW, ...) be the one refused and named
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and (arg1 or "").lower() in _PRAGMA_WRITES:
            refused.append(f"PRAGMA {arg1} = {arg2}")
            return sqlite3.SQLITE_DENY
        if action in _WRITE_ACTIONS and dbname != "temp":
            refused.append(_WRITE_ACTIONS[action] + (f" on {arg1}" if arg1 and action != sqlite3.SQLITE_ATTACH else ""))
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    conn.set_authorizer(authorizer)
    try:
        cur = conn.execute(sql, params or [])
        rows = cur.fetchmany(max_rows) if max_rows else cur.fetchall()
        columns = [d[0] for d in cur.description or []]
    except sqlite3.Warning as exc:  # e.g. two statements in one string
        raise QueryError(f"{exc} (run one statement at a time)") from exc
    except sqlite3.Error as exc:
        text = str(exc)
        if refused or "readonly" in text or "read-only" in text:
            what = refused[0] if refused else "a write"
            raise QueryError(f"refused {what}: `jixiao query` only reads the database") from exc
        raise QueryError(f"SQL error: {text}") from exc
    finally:
        conn.set_authorizer(None)
    return QueryResult(columns=columns, rows=[tuple(r) for r in rows])
