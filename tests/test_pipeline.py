"""The pipeline's promises: a hanging or crashing parser costs one file, never the run."""
import os
import shutil
import sqlite3
import time

import pytest

from jixiao import pipeline
from jixiao.pipeline import ingest, process_file
from jixiao.settings import Settings

real_read = pipeline.read_document


def misbehaving_reader(path, settings=None):
    """Stands in for a parser bug: hangs on 'hang*' files, kills its process on 'crash*' files."""
    name = os.path.basename(str(path))
    if name.startswith("hang"):
        time.sleep(600)
    if name.startswith("crash"):
        os._exit(3)
    return real_read(path, settings)


@pytest.fixture
def folder(tmp_path, corpus):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(corpus / "jiangmen-2022-project-self.docx", src / "good.docx")
    shutil.copy(corpus / "shaoguan-2020-project-self.pdf", src / "hang.pdf")
    shutil.copy(corpus / "lechang-2022-department-self.docx", src / "crash.docx")
    return src


def test_hanging_and_crashing_files_fail_alone(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "read_document", misbehaving_reader)  # forked workers inherit it
    s = Settings()
    s.pipeline.workers = 2
    s.pipeline.file_timeout = 3
    s.pipeline.page_timeout = 0
    started = time.monotonic()
    summary = ingest(folder, tmp_path / "r.db", s)
    assert time.monotonic() - started < 60
    assert summary.failed == 2 and summary.ok + summary.partial == 1
    rows = dict(sqlite3.connect(tmp_path / "r.db").execute("select path, error from files where status='failed'"))
    assert "timed out after 3 s" in rows["hang.pdf"]
    assert "died" in rows["crash.docx"]


def test_extension_that_lies(tmp_path, corpus):
    fake = tmp_path / "report.pdf"
    shutil.copy(corpus / "jiangmen-2022-project-self.docx", fake)
    result = process_file(fake)
    assert result.format == "docx" and result.status != "failed"
    assert result.tables


@pytest.mark.parametrize("payload, why", [(b"", "unsupported format"), (b"%PDF-1.4\n%garbage", "pdf"),
                                          (b"PK\x03\x04broken zip", "unsupported format"),
                                          (b"hello world, not a report", "unsupported format")])
def test_broken_files_fail_with_one_line_reason(tmp_path, payload, why):
    f = tmp_path / "broken.pdf"
    f.write_bytes(payload)
    result = process_file(f)
    assert result.status == "failed"
    assert why in result.error.lower() and "\n" not in result.error


def test_every_file_is_seen_even_unreadable(tmp_path, corpus):
    src = tmp_path / "in"
    src.mkdir()
    (src / "notes.docx").write_bytes(b"not really a docx")
    shutil.copy(corpus / "anhui-chizhou-guichi-2022-xmzpb.xlsx", src / "form.xlsx")
    summary = ingest(src, tmp_path / "r.db", Settings())
    assert summary.seen == 2 and summary.failed == 1
    con = sqlite3.connect(tmp_path / "r.db")
    assert con.execute("select count(*) from files").fetchone()[0] == 2


def test_changed_file_replaces_its_rows(tmp_path, corpus):
    src = tmp_path / "in"
    src.mkdir()
    target = src / "report.docx"
    shutil.copy(corpus / "jiangmen-2022-project-self.docx", target)
    db = tmp_path / "r.db"
    ingest(src, db, Settings())
    shutil.copy(corpus / "zhongshan-2022-project-self.docx", target)
    ingest(src, db, Settings())
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from files").fetchone()[0] == 1
    file_ids = {r[0] for r in con.execute("select distinct file_id from tables")}
    assert file_ids == {con.execute("select id from files").fetchone()[0]}
