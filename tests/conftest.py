"""Shared fixtures: the project's own corpus copy (never ../shared) and a database built from it."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    """The whole corpus ingested once per test session."""
    from jixiao.pipeline import ingest
    from jixiao.settings import Settings

    db = tmp_path_factory.mktemp("db") / "reports.db"
    s = Settings()
    s.pipeline.workers = 2
    ingest(CORPUS, db, s)
    return db
