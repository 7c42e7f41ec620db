"""Full-text index over report prose (the ``paragraphs`` table), kept current by triggers.

Chinese has no spaces between words, so a word tokenizer indexes whole sentences as one
token and finds nothing. SQLite's ``trigram`` tokenizer (3.34+) indexes every 3-character
window instead, which makes any substring of 3 or more characters searchable without a
dictionary; shorter queries fall back to ``LIKE`` (see ``jixiao.workbench.search``).

The index is an *external-content* FTS5 table (``content="paragraphs"``): the text is stored
once, Datasette detects the index by that clause and offers a search box on ``paragraphs``,
and triggers on ``paragraphs`` keep it current whatever code writes the rows (one call from
``open_db`` installs them). A database written before the index existed, or whose rowids a
VACUUM renumbered, is rebuilt on open: both are detected by comparing row count and highest
rowid of the table and of the index's ``docsize`` shadow table.
"""
from __future__ import annotations

import sqlite3

FTS_TABLE = "paragraphs_fts"
CONTENT_TABLE = "paragraphs"
TOKENIZER = "trigram"
MIN_TRIGRAM_CHARS = 3  # the trigram tokenizer cannot match a term shorter than one trigram

_TRIGGERS = {
    f"{FTS_TABLE}_ai": f"""
        create trigger if not exists [{FTS_TABLE}_ai] after insert on [{CONTENT_TABLE}] begin
          insert into [{FTS_TABLE}](rowid, text) values (new.rowid, new.text);
        end""",
    f"{FTS_TABLE}_ad": f"""
        create trigger if not exists [{FTS_TABLE}_ad] after delete on [{CONTENT_TABLE}] begin
          insert into [{FTS_TABLE}]([{FTS_TABLE}], rowid, text) values ('delete', old.rowid, old.text);
        end""",
    f"{FTS_TABLE}_au": f"""
        create trigger if not exists [{FTS_TABLE}_au] after update on [{CONTENT_TABLE}] begin
          insert into [{FTS_TABLE}]([{FTS_TABLE}], rowid, text) values ('delete', old.rowid, old.text);
          insert into [{FTS_TABLE}](rowid, text) values (new.rowid, new.text);
        end""",
}


def _conn(db) -> sqlite3.Connection:
    """Accept a sqlite_utils.Database or a plain sqlite3 connection."""
    return getattr(db, "conn", db)


def trigram_supported(conn: sqlite3.Connection | None = None) -> bool:
    """Whether this SQLite build has FTS5 with the trigram tokenizer."""
    probe = conn or sqlite3.connect(":memory:")
    try:
        probe.execute("create virtual table temp.__jixiao_probe using fts5(t, tokenize='trigram')")
        probe.execute("drop table temp.__jixiao_probe")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        if conn is None:
            probe.close()


def fts_exists(db) -> bool:
    conn = _conn(db)
    return conn.execute("select 1 from sqlite_master where name = ? and type = 'table'",
                        [FTS_TABLE]).fetchone() is not None


def _in_sync(conn: sqlite3.Connection) -> bool:
    have = conn.execute(f"select count(*), max(id) from [{FTS_TABLE}_docsize]").fetchone()
    want = conn.execute(f"select count(*), max(rowid) from [{CONTENT_TABLE}]").fetchone()
    return tuple(have) == tuple(want)


def rebuild(db) -> None:
    """Re-index every paragraph from the content table (cheap: the text is not copied)."""
    conn = _conn(db)
    with conn:
        conn.execute(f"insert into [{FTS_TABLE}]([{FTS_TABLE}]) values ('rebuild')")


def ensure_fts(db) -> bool:
    """Create the index and its triggers if missing, and rebuild it if it drifted.

    Returns False (and leaves the database untouched) when SQLite lacks the trigram tokenizer;
    search then works by LIKE alone. Never raises for that: ingest must not fail over search."""
    conn = _conn(db)
    if conn.execute("select 1 from sqlite_master where name = ? and type = 'table'",
                    [CONTENT_TABLE]).fetchone() is None:
        return False
    if not fts_exists(conn):
        if not trigram_supported(conn):
            return False
        with conn:
            conn.execute(f"create virtual table [{FTS_TABLE}] using fts5("
                         f"text, content=\"{CONTENT_TABLE}\", content_rowid=\"rowid\", tokenize=\"{TOKENIZER}\")")
    with conn:
        for sql in _TRIGGERS.values():
            conn.execute(sql)
    if not _in_sync(conn):
        rebuild(conn)
    return True
