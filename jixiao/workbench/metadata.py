"""Datasette metadata for a jixiao database, from the data file ``data/datasette.toml``.

The file describes every table, view and canned query the product may hold; what a given
database lacks (an older schema, a view not created yet, no FTS index on an old SQLite) is
dropped here, because Datasette answers a facet on a missing column or a query on a missing
table with an error page instead of the table."""
from __future__ import annotations

import copy
import json
import re
import sqlite3
import tomllib
from pathlib import Path

DATA = Path(__file__).parent / "data" / "datasette.toml"

# metadata keys Datasette reads on a table; anything else in the TOML is ours
_TABLE_KEYS = {"description", "columns", "facets", "label_column", "sort", "sort_desc", "fts_table", "fts_pk",
               "searchmode", "units", "hidden", "size", "sortable_columns", "title", "description_html"}


def load_spec(extra: Path | None = None) -> dict:
    spec = tomllib.loads(DATA.read_text(encoding="utf-8"))
    if extra is not None:
        text = Path(extra).read_text(encoding="utf-8")
        _merge(spec, tomllib.loads(text) if str(extra).endswith(".toml") else json.loads(text))
    return spec


def _merge(base: dict, over: dict) -> None:
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            _merge(base[k], v)
        else:
            base[k] = v


def _schema(conn: sqlite3.Connection) -> dict[str, set[str]]:
    out = {}
    for (name,) in conn.execute("select name from sqlite_master where type in ('table', 'view')"):
        try:
            out[name] = {r[1] for r in conn.execute(f"pragma table_info([{name}])")}
        except sqlite3.Error:  # a virtual table whose module this SQLite lacks
            out[name] = set()
    return out


def _tables_used(sql: str) -> set[str]:
    names = set(re.findall(r"\b(?:from|join)\s+\[?(\w+)\]?", sql, flags=re.I))
    ctes = set(re.findall(r"(?:\bwith|,)\s*(\w+)\s+as\s*\(", sql, flags=re.I))
    return names - ctes


def build_metadata(conn: sqlite3.Connection, db_name: str, extra: Path | None = None) -> dict:
    """Datasette's metadata dict for the database opened as ``conn`` served under ``db_name``."""
    spec = load_spec(extra)
    schema = _schema(conn)
    tables = {}
    for name, meta in copy.deepcopy(spec.get("tables", {})).items():
        if name not in schema:
            continue
        cols = schema[name]
        t = {k: v for k, v in meta.items() if k in _TABLE_KEYS}
        if "columns" in t:
            t["columns"] = {c: d for c, d in t["columns"].items() if c in cols}
        if "facets" in t:
            t["facets"] = [f for f in t["facets"] if f in cols]
        if "label_column" in t and t["label_column"] not in cols:
            del t["label_column"]
        for key in ("sort", "sort_desc"):
            if key in t and t[key] not in cols:
                del t[key]
        if "fts_table" in t and t["fts_table"] not in schema:
            del t["fts_table"], t["fts_pk"]
        units = _percent_units(cols)
        if units:
            t["units"] = units
        tables[name] = t
    queries = {}
    for name, q in spec.get("queries", {}).items():
        # "requires" lists the tables a query reads; without it they are guessed from the SQL
        needs = set(q["requires"]) if "requires" in q else _tables_used(q["sql"])
        if needs - set(schema):
            continue
        queries[name] = {k: v for k, v in q.items() if k in ("sql", "title", "description", "hide_sql")}
    top = {k: spec[k] for k in ("title", "description", "license", "license_url", "source", "source_url")
           if k in spec}
    database = {k: top[k] for k in ("title", "description") if k in top}  # shown on the database page too
    return {**top, "databases": {db_name: {**database, "tables": tables, "queries": queries}}}


def _percent_units(columns: set[str]) -> dict[str, str]:
    """Datasette shows units through pint, which knows percent but not 元, so only the
    contract's ``*_pct`` columns get a unit there; money units live in the descriptions."""
    return {c: "percent" for c in columns if c.endswith("_pct")}
