"""Planted discrepancies: each sample differs from a consistent base in one figure, and ingesting
it must yield exactly that one mismatch (and the base none)."""
from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from jixiao.pipeline import ingest
from jixiao.settings import Settings

PLANTED = Path(__file__).resolve().parent / "data" / "planted"
MANIFEST = json.loads((PLANTED / "planted.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def planted_db(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("planted")
    for name in MANIFEST:
        shutil.copy(PLANTED / name, src / name)
    db = src / "planted.db"
    s = Settings()
    s.pipeline.workers = 2
    ingest(src, db, s)
    return db


def mismatches(db: Path, name: str) -> list[tuple]:
    con = sqlite3.connect(db)
    return con.execute("select c.rule, c.reported, c.recomputed, c.reported_text, c.recomputed_text from checks c "
                       "join reports r on r.id = c.report_id where r.path = ? and c.status = 'mismatch'",
                       [name]).fetchall()


def test_at_least_eight_kinds_are_planted():
    rules = {v["rule"] for v in MANIFEST.values() if v}
    assert len(rules) >= 8


def test_the_base_has_no_mismatch(planted_db):
    assert mismatches(planted_db, "base.docx") == []
    con = sqlite3.connect(planted_db)
    n = con.execute("select count(*) from checks c join reports r on r.id = c.report_id where r.path = 'base.docx'").fetchone()[0]
    assert n >= 20  # the consistent figures were recomputed too, not skipped


@pytest.mark.parametrize("name", [n for n, v in MANIFEST.items() if v])
def test_each_plant_is_flagged_and_nothing_else(planted_db, name):
    found = mismatches(planted_db, name)
    assert len(found) == 1, found
    assert found[0][0] == MANIFEST[name]["rule"], (found, MANIFEST[name]["what"])
