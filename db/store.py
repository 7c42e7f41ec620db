"""The SQLite store: the public tables of CONTRACT.md, written with sqlite-utils.

Column names and meanings are the public API; extra columns (source, formula, merges,
provenance) and extra tables (paragraphs and its full-text index) are additions. One file's
rows are written in one transaction, so an interrupted run never leaves half a file behind.
"""
from __future__ import annotations

import json
from pathlib import Path

import sqlite_utils

from jixiao.schemas import FileResult

SCHEMA: dict[str, dict] = {
    "files": {"columns": {"id": str, "path": str, "also_at": str, "format": str, "status": str, "error": str,
                          "pages": int, "n_reports": int, "seconds": float, "size": int, "ingested_at": str,
                          "reader_version": str},
              "pk": "id"},
    "reports": {"columns": {"id": str, "file_id": str, "path": str, "format": str, "status": str, "error": str,
                            "page_start": int, "page_end": int, "kind": str, "title": str, "province": str,
                            "city": str, "county": str, "department": str, "unit": str, "project": str,
                            "fiscal_year": int, "report_date": str, "evaluator": str, "reported_score": float,
                            "reported_grade": str, "provenance": str},
                "pk": "id"},
    "budgets": {"columns": {"report_id": str, "line": str, "initial_yuan": float, "adjusted_yuan": float,
                            "final_yuan": float, "spent_yuan": float, "reported_rate_pct": float, "page": int,
                            "evidence": str, "source": str}},
    "indicators": {"columns": {"report_id": str, "seq": int, "level1": str, "level2": str, "name": str,
                               "canonical": str, "target_text": str, "actual_text": str, "target_op": str,
                               "target_value": float, "actual_value": float, "unit": str, "weight": float,
                               "score": float, "source": str, "page": int, "evidence": str, "formula": str}},
    "scores": {"columns": {"report_id": str, "section": str, "max_points": float, "points": float,
                           "reported_rate_pct": float, "page": int, "evidence": str, "source": str}},
    "checks": {"columns": {"report_id": str, "rule": str, "subject": str, "reported": float, "recomputed": float,
                           "reported_text": str, "recomputed_text": str, "status": str, "detail": str,
                           "page": int, "evidence": str}},
    "tables": {"columns": {"file_id": str, "seq": int, "report_id": str, "page_start": int, "page_end": int,
                           "n_rows": int, "n_cols": int, "cells": str, "merges": str, "sheet": str, "source": str},
               "pk": ("file_id", "seq")},
    "paragraphs": {"columns": {"file_id": str, "report_id": str, "seq": int, "page": int, "text": str},
                   "pk": ("file_id", "seq")},
}

INDEXES = [
    ("reports", ["file_id"]), ("reports", ["province", "city", "county"]), ("reports", ["fiscal_year"]),
    ("reports", ["kind"]), ("budgets", ["report_id"]), ("indicators", ["report_id"]),
    ("indicators", ["canonical"]), ("scores", ["report_id"]), ("checks", ["report_id"]),
    ("checks", ["status"]), ("checks", ["rule"]), ("tables", ["report_id"]), ("paragraphs", ["report_id"]),
]

# tables whose rows hang off a report, deleted when the file is replaced
REPORT_CHILDREN = ("budgets", "indicators", "scores", "checks")


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a database with every public table, index and view."""
    db = sqlite_utils.Database(path)
    db.enable_wal()
    for name, spec in SCHEMA.items():
        table = db[name]
        if not table.exists():
            table.create(spec["columns"], pk=spec.get("pk"))
        else:  # a database from an older version gains the newer columns
            have = set(table.columns_dict)
            for col, typ in spec["columns"].items():
                if col not in have:
                    table.add_column(col, typ)
    for table, cols in INDEXES:
        db[table].create_index(cols, if_not_exists=True)
    from . import fts, views  # noqa: PLC0415 - views and the index need the tables first

    views.create_views(db)
    fts.ensure_fts(db)  # full-text index over paragraphs, kept current by triggers (db/fts.py)
    return db


def known_file(db: sqlite_utils.Database, file_id: str) -> dict | None:
    rows = list(db.query("select * from files where id = ?", [file_id]))
    return rows[0] if rows else None


def record_alias(db: sqlite_utils.Database, file_id: str, path: str) -> None:
    """The same bytes seen under another path: remember the path, read nothing again."""
    row = known_file(db, file_id)
    if row is None or row["path"] == path:
        return
    also = json.loads(row["also_at"]) if row.get("also_at") else []
    if path not in also:
        also.append(path)
        db["files"].update(file_id, {"also_at": json.dumps(also, ensure_ascii=False)})


def delete_path(db: sqlite_utils.Database, path: str, keep_id: str | None = None) -> None:
    """Drop the rows of whatever file was stored under this path before (a changed file)."""
    for row in list(db.query("select id from files where path = ?", [path])):
        if row["id"] != keep_id:
            delete_file(db, row["id"])


def delete_file(db: sqlite_utils.Database, file_id: str) -> None:
    report_ids = [r["id"] for r in db.query("select id from reports where file_id = ?", [file_id])]
    for child in REPORT_CHILDREN:
        for rid in report_ids:
            db.execute(f"delete from [{child}] where report_id = ?", [rid])
    for name in ("reports",):
        db.execute(f"delete from [{name}] where file_id = ?", [file_id])
    db.execute("delete from [tables] where file_id = ?", [file_id])
    db.execute("delete from [paragraphs] where file_id = ?", [file_id])
    db.execute("delete from files where id = ?", [file_id])


def write_file_result(db: sqlite_utils.Database, result: FileResult, also_at: list[str] | None = None,
                      size: int | None = None, ingested_at: str | None = None,
                      reader_version: str | None = None) -> dict:
    """Replace everything stored for this file with ``result``, in one transaction.

    Returns counts of rows written per table, for the ingest summary."""
    counts = {name: 0 for name in SCHEMA}
    with db.conn:
        delete_path(db, result.path, keep_id=result.id)
        delete_file(db, result.id)
        db["files"].insert({"id": result.id, "path": result.path,
                            "also_at": json.dumps(also_at, ensure_ascii=False) if also_at else None,
                            "format": result.format, "status": result.status, "error": result.error,
                            "pages": result.pages, "n_reports": result.n_reports, "seconds": result.seconds,
                            "size": size, "ingested_at": ingested_at, "reader_version": reader_version})
        counts["files"] = 1
        for rr in result.reports:
            rep = rr.report.model_dump()
            rep["provenance"] = json.dumps(rep.get("provenance") or {}, ensure_ascii=False)
            db["reports"].insert(rep)
            counts["reports"] += 1
            for name, items in (("budgets", rr.budgets), ("indicators", rr.indicators), ("scores", rr.scores),
                                ("checks", rr.checks)):
                rows = [i.model_dump() for i in items]
                if rows:
                    db[name].insert_all(rows)
                counts[name] += len(rows)
        rows = []
        for t in result.tables:
            d = t.model_dump()
            d["cells"] = json.dumps(d["cells"], ensure_ascii=False)
            d["merges"] = json.dumps(d["merges"])
            rows.append(d)
        if rows:
            db["tables"].insert_all(rows)
        counts["tables"] = len(rows)
        paras = [p.model_dump() for p in result.paragraphs]
        if paras:
            db["paragraphs"].insert_all(paras)
        counts["paragraphs"] = len(paras)
    return counts
