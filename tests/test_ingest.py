"""End-to-end ingest on the real corpus: every file gets a row, re-ingest is a no-op."""
import json
import shutil
import sqlite3

from jixiao.pipeline import ingest
from jixiao.settings import Settings


def test_every_corpus_file_has_a_row(corpus, corpus_db):
    db = sqlite3.connect(corpus_db)
    paths = {r[0] for r in db.execute("select path from files")}
    docs = [p for p in corpus.rglob("*") if p.suffix in {".pdf", ".docx", ".xlsx"}]
    assert len(docs) >= 20
    for p in docs:
        assert p.relative_to(corpus).as_posix() in paths
    statuses = dict(db.execute("select path, status from files"))
    for path, status in statuses.items():
        if "scanned" not in path:
            assert status != "failed", path


def test_reingest_is_noop_and_duplicates_are_one_file(tmp_path, corpus):
    src = tmp_path / "in"
    src.mkdir()
    f = corpus / "jiangmen-2022-project-self.docx"
    shutil.copy(f, src / "a.docx")
    shutil.copy(f, src / "copy-of-a.docx")
    db = tmp_path / "r.db"
    s1 = ingest(src, db, Settings())
    assert s1.ok + s1.partial == 1 and s1.aliases == 1
    s2 = ingest(src, db, Settings())
    assert s2.skipped_unchanged == 1 and s2.ok + s2.partial + s2.failed == 0
    con = sqlite3.connect(db)
    rows = con.execute("select path, also_at from files").fetchall()
    assert rows == [("a.docx", json.dumps(["copy-of-a.docx"]))]
