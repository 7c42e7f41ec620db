"""Helpers the notebooks share: which database to open, and small HTML tables.

Notebooks read the database path from ``JIXIAO_DB`` (default ``reports.db`` in the folder the
notebook runs in). When the default database is missing they build it from the sample
``corpus/`` folder of the project, so a fresh clone's notebooks run without a manual step;
an explicitly named database that is missing is an error, never silently rebuilt."""
from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Sequence

DB_ENV = "JIXIAO_DB"
DEFAULT_DB = "reports.db"


def find_corpus(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "corpus").is_dir():
            return folder / "corpus"
    return None


def notebook_db(start: Path | None = None) -> Path:
    named = os.environ.get(DB_ENV)
    path = Path(named) if named else (start or Path.cwd()) / DEFAULT_DB
    if path.is_file():
        return path
    if named:
        raise FileNotFoundError(f"{DB_ENV}={named}: no such database")
    corpus = find_corpus(start)
    if corpus is None:
        raise FileNotFoundError(f"{path} does not exist and no corpus/ folder was found to build it from; "
                                f"run `jixiao ingest FOLDER --db {path}` or set {DB_ENV}")
    from jixiao.pipeline import ingest  # noqa: PLC0415 - only when the database must be built
    from jixiao.settings import Settings  # noqa: PLC0415

    ingest(corpus, path, Settings())
    return path


def html_table(columns: Sequence[str], rows: Sequence[Sequence], max_rows: int | None = None) -> str:
    """A plain HTML table (notebooks without pandas); every value escaped."""
    def cell(v) -> str:
        if v is None:
            return ""
        if isinstance(v, float):
            return f"{v:,.2f}"
        return html.escape(str(v))

    shown = rows if max_rows is None else rows[:max_rows]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in r) + "</tr>" for r in shown)
    more = f"<p>{len(rows) - len(shown)} more rows</p>" if len(shown) < len(rows) else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"
