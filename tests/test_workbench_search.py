"""Full-text search over report prose: the trigram index (db/fts.py), its triggers, and
``jixiao search`` with its LIKE fallback."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.db import open_db, write_file_result
from jixiao.db.fts import FTS_TABLE, ensure_fts, trigram_supported
from jixiao.schemas import FileResult, Paragraph
from jixiao.workbench import open_readonly, search
from jixiao.workbench.search import context_of, split_terms

runner = CliRunner()
needs_trigram = pytest.mark.skipif(not trigram_supported(), reason="this SQLite has no FTS5 trigram tokenizer")


def _file(fid: str, path: str, texts: list[str]) -> FileResult:
    return FileResult(id=fid, path=path, format="docx", n_reports=0,
                      paragraphs=[Paragraph(file_id=fid, seq=i, page=i + 1, text=t) for i, t in enumerate(texts)])


@pytest.fixture()
def prose_db(tmp_path) -> Path:
    path = tmp_path / "prose.db"
    db = open_db(path)
    write_file_result(db, _file("a" * 64, "a.docx", ["项目年初预算180.00万元，预算执行率99.20%。",
                                                     "服务对象满意度调查回收问卷320份。",
                                                     "绩效目标基本完成"]))
    write_file_result(db, _file("b" * 64, "b.pdf", ["资金执行率97.00%，结余收回财政。", "Budget execution rate 97%"]))
    db.conn.close()
    return path


@needs_trigram
def test_index_is_built_on_open_and_kept_current_by_triggers(prose_db):
    db = open_db(prose_db)
    n = db.execute(f"select count(*) from [{FTS_TABLE}] where [{FTS_TABLE}] match '\"执行率\"'").fetchone()[0]
    assert n == 2
    # the same path with new bytes replaces the old paragraphs: old text must vanish from the index
    write_file_result(db, _file("c" * 64, "a.docx", ["全新的段落，没有旧内容"]))
    hits = lambda q: db.execute(f"select rowid from [{FTS_TABLE}] where [{FTS_TABLE}] match ?",  # noqa: E731
                                [f'"{q}"']).fetchall()
    assert hits("满意度调查") == []
    assert len(hits("全新的段落")) == 1
    db.execute(f"insert into [{FTS_TABLE}]([{FTS_TABLE}], rank) values ('integrity-check', 1)")


@needs_trigram
def test_database_without_index_gains_it_on_open(prose_db, tmp_path):
    copy = tmp_path / "old.db"
    shutil.copy(prose_db, copy)
    c = sqlite3.connect(copy)
    for t in ("ai", "ad", "au"):
        c.execute(f"drop trigger [{FTS_TABLE}_{t}]")
    c.execute(f"drop table [{FTS_TABLE}]")
    c.commit()
    c.close()
    assert search(open_readonly(copy), "预算执行率").used_index is False  # works by scan meanwhile
    open_db(copy).conn.close()
    res = search(open_readonly(copy), "预算执行率")
    assert res.used_index and [h.path for h in res.hits] == ["a.docx"]


@needs_trigram
def test_index_rebuilt_when_out_of_sync(prose_db):
    c = sqlite3.connect(prose_db)
    c.execute(f"insert into [{FTS_TABLE}]([{FTS_TABLE}]) values ('delete-all')")
    c.commit()
    assert c.execute(f"select count(*) from [{FTS_TABLE}_docsize]").fetchone()[0] == 0
    assert ensure_fts(c) is True
    assert c.execute(f"select count(*) from [{FTS_TABLE}_docsize]").fetchone()[0] == 5


def test_search_long_terms_use_the_index_short_ones_scan(prose_db):
    conn = open_readonly(prose_db)
    long = search(conn, "预算执行率")
    assert long.used_index == trigram_supported()
    assert [(h.path, h.page) for h in long.hits] == [("a.docx", 1)]
    short = search(conn, "结余")
    assert not short.used_index and [h.path for h in short.hits] == ["b.pdf"]
    both = search(conn, "执行率 97")
    assert [h.path for h in both.hits] == ["b.pdf"] and both.total == 1
    assert search(conn, "执行率 结余 满意度").hits == []
    assert [h.text for h in search(conn, "budget EXECUTION").hits] == ["Budget execution rate 97%"]
    assert search(conn, "   ").hits == []


def test_search_escapes_like_and_fts_syntax(prose_db):
    conn = open_readonly(prose_db)
    assert search(conn, "%").total == 3  # a literal percent sign, not LIKE's wildcard
    assert search(conn, "_").total == 0
    assert len(search(conn, "99.20%").hits) == 1
    # FTS5 operators and quotes in user input are text, never query syntax (no exception)
    assert search(conn, 'OR "执行率').total == 0
    assert search(conn, "NEAR(执行率 AND").total == 0
    assert search(conn, "执行率*").total == 0


def test_context_marks_matches():
    ctx, spans = context_of("甲" * 100 + "预算执行率" + "乙" * 100, ["执行率"], 10)
    assert ctx.startswith("…") and ctx.endswith("…")
    assert [ctx[a:b] for a, b in spans] == ["执行率"]
    assert split_terms("预算　执行率  97") == ["预算", "执行率", "97"]


def test_search_on_corpus_agrees_with_like(corpus_db):
    """The index must find exactly the paragraphs a full scan finds."""
    conn = open_readonly(corpus_db)
    for term in ("预算执行率", "满意度", "绩效目标", "万元"):
        expected = conn.execute("select count(*) from paragraphs where text like ?", [f"%{term}%"]).fetchone()[0]
        res = search(conn, term, limit=5)
        assert res.total == expected, term
        assert all(term in h.text for h in res.hits)
        assert all(h.path and h.page for h in res.hits)
    assert search(conn, "预算执行率").total > 0


def test_search_cli(corpus_db):
    r = runner.invoke(app, ["search", "预算执行率", "--db", str(corpus_db), "-n", "3"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 4 and "p." in lines[0] and "预算执行率" in lines[0]
    assert "of" in lines[-1]
    r = runner.invoke(app, ["search", "这句话不会出现在任何报告里", "--db", str(corpus_db)])
    assert r.exit_code == 1 and "no paragraph" in r.output
    r = runner.invoke(app, ["search", "满意度", "--db", str(corpus_db), "-f", "csv", "-n", "2"])
    assert r.stdout.splitlines()[0] == "path,page,report_id,context,text" and len(r.stdout.splitlines()) >= 3
