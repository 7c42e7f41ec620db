"""``jixiao serve``: the Datasette metadata built from data/datasette.toml, checked against a
real Datasette instance in-process (no port, no browser: that is tests/test_browser*.py)."""
from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.workbench import open_readonly
from jixiao.workbench.metadata import build_metadata, load_spec
from jixiao.workbench.serve import datasette_command, db_name, free_port, write_metadata

from test_workbench import build_sample_db  # noqa: E402  (the same realistic sample DB)

datasette = pytest.importorskip("datasette.app", reason="Datasette is not installed (pip install datasette)")
runner = CliRunner()


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("serve") / "reports.db")


def _client_get(db: Path, *paths: str) -> list:
    meta = json.loads(write_metadata(db, db.with_suffix(".meta.json")).read_text(encoding="utf-8"))

    async def run():
        ds = datasette.Datasette(immutables=[str(db)], metadata=meta)
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(run())


def test_spec_covers_every_contract_table_and_column_in_both_languages():
    spec = load_spec()
    contract = {"files", "reports", "budgets", "indicators", "scores", "checks", "tables"}
    assert contract <= set(spec["tables"])
    for name in contract:
        t = spec["tables"][name]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in t["description"]) and "/" in t["description"]
    from jixiao.db.store import SCHEMA

    for table, cols in spec["tables"].items():
        if table in SCHEMA:  # every described column exists in the store's schema (no typos)
            assert set(cols.get("columns", {})) <= set(SCHEMA[table]["columns"]), table
    money = spec["tables"]["budgets"]["columns"]["final_yuan"]
    assert "元" in money and "yuan" in money
    assert set(spec["queries"]) >= {"indicator_across_cities", "budget_execution_by_city_year",
                                    "mismatches_with_evidence", "reports_by_grade"}


def test_metadata_drops_what_the_database_lacks(sample_db, tmp_path):
    conn = open_readonly(sample_db)
    meta = build_metadata(conn, "reports")["databases"]["reports"]
    assert meta["tables"]["reports"]["facets"] == ["province", "city", "fiscal_year", "kind", "status",
                                                   "reported_grade"]
    assert meta["tables"]["paragraphs"]["fts_table"] == "paragraphs_fts"
    assert meta["tables"]["budgets"]["units"]["reported_rate_pct"] == "percent"
    # an older database: no views, no FTS, no checks table
    old = tmp_path / "old.db"
    c = sqlite3.connect(old)
    c.execute("create table reports (id text primary key, city text, province text)")
    c.execute("create table paragraphs (file_id text, seq int, text text)")
    c.commit()
    meta = build_metadata(open_readonly(old), "old")["databases"]["old"]
    assert set(meta["tables"]) == {"reports", "paragraphs"}
    assert meta["tables"]["reports"]["facets"] == ["province", "city"]
    assert "fts_table" not in meta["tables"]["paragraphs"]
    assert set(meta["queries"]) == {"reports_by_grade"}


def test_user_metadata_is_merged_over_the_builtin(sample_db, tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('title = "我的数据库"\n[tables.reports]\nfacets = ["city"]\n'
                     '[queries.mine]\nsql = "select count(*) as n from reports"\n', encoding="utf-8")
    meta = build_metadata(open_readonly(sample_db), "reports", extra)
    assert meta["title"] == "我的数据库"
    db = meta["databases"]["reports"]
    assert db["tables"]["reports"]["facets"] == ["city"] and "mine" in db["queries"]
    assert db["tables"]["reports"]["columns"]["city"].startswith("市")  # the rest kept


def test_canned_queries_answer_in_datasette(sample_db):
    name = db_name(sample_db)
    across, budget, mism, grades, grade_good, search, short, empty = _client_get(
        sample_db,
        f"/{name}/indicator_across_cities.json?canonical=budget_execution_rate&_shape=array",
        f"/{name}/budget_execution_by_city_year.json?_shape=array",
        f"/{name}/mismatches_with_evidence.json?_shape=array",
        f"/{name}/reports_by_grade.json?_shape=array",
        f"/{name}/reports_by_grade.json?grade=良&_shape=array",
        f"/{name}/search_prose.json?text=满意度调查&_shape=array",
        f"/{name}/search_prose.json?text=问卷&_shape=array",
        f"/{name}/search_prose.json?_shape=array")
    for r in (across, budget, mism, grades, grade_good, search, short, empty):
        assert r.status_code == 200, r.text[:300]
    rows = across.json()
    assert [r["city"] for r in rows] == ["临沧市", "江门市", "韶关市", "韶关市"]
    assert [r["checks"] for r in rows] == ["mismatch", "mismatch", None, "ok"]
    lincang = next(r for r in budget.json() if r["city"] == "临沧市")
    assert lincang["recomputed_rate_pct"] == pytest.approx(99.19)
    assert {(r["rule"], r["city"]) for r in mism.json()} == {("budget_sum", "江门市"), ("execution_rate", "临沧市")}
    assert all(r["evidence"] for r in mism.json())
    assert [r["reported_grade"] for r in grades.json()] == ["优", "优", "良", "中"]
    assert [r["county"] for r in grade_good.json()] == ["乐昌市"]
    assert [r["page"] for r in search.json()] == [2]
    assert [r["page"] for r in short.json()] == [2]  # 2 characters: no trigram, a scan
    assert empty.json() == []


def test_tables_show_descriptions_facets_and_search(sample_db):
    name = db_name(sample_db)
    page, data, found, checks = _client_get(
        sample_db, f"/{name}/reports", f"/{name}/reports.json",
        f"/{name}/paragraphs.json?_search=预算执行率&_shape=array", f"/{name}/checks.json?status=mismatch")
    assert page.status_code == 200
    assert "每份报告一行" in page.text and "prefecture-level city" in page.text
    assert set(data.json()["facet_results"]) >= {"province", "city", "fiscal_year", "kind"}
    assert [r["text"][:7] for r in found.json()] == ["2022年项目"]
    assert checks.json()["filtered_table_rows_count"] == 2


def test_datasette_command_is_immutable_and_loopback(sample_db, tmp_path):
    cmd = datasette_command(sample_db, tmp_path / "m.json", 8123)
    assert cmd[cmd.index("-i") + 1] == str(sample_db)
    assert cmd[cmd.index("--host") + 1] == "127.0.0.1"
    assert cmd[cmd.index("--port") + 1] == "8123"
    assert 1024 < free_port() < 65536


def test_serve_cli_writes_metadata_and_rejects_missing_db(sample_db, tmp_path):
    out = tmp_path / "meta.json"
    r = runner.invoke(app, ["serve", "--db", str(sample_db), "--write-metadata", str(out)])
    assert r.exit_code == 0, r.output
    meta = json.loads(out.read_text(encoding="utf-8"))
    assert "mismatches_with_evidence" in meta["databases"][db_name(sample_db)]["queries"]
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 2 and "no such database" in r.output


def test_metadata_on_corpus_db(corpus_db):
    meta = build_metadata(open_readonly(corpus_db), "reports")["databases"]["reports"]
    assert {"files", "reports", "paragraphs"} <= set(meta["tables"])
    assert "search_prose" in meta["queries"]
