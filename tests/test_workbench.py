"""compare and query: on a small database written through the real store from realistic
FileResults (tests/data/workbench), and on the ingested corpus."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.db import open_db, write_file_result
from jixiao.schemas import FileResult
from jixiao.workbench import DatabaseError, QueryError, compare, open_readonly, run_query
from jixiao.workbench.compare import budget_execution, checks_label, suggest

SAMPLE = Path(__file__).parent / "data" / "workbench" / "sample_results.json"
RATE = "budget_execution_rate"


def build_sample_db(path: Path) -> Path:
    db = open_db(path)
    for raw in json.loads(SAMPLE.read_text(encoding="utf-8")):
        write_file_result(db, FileResult.model_validate(raw))
    db.conn.close()
    return path


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("wb") / "sample.db")


@pytest.fixture()
def conn(small_db):
    c = open_readonly(small_db)
    yield c
    c.close()


runner = CliRunner()


# ---- compare -------------------------------------------------------------------------------

def test_compare_one_row_per_report_sorted_by_place_and_year(conn):
    res = compare(conn, RATE)
    places = [(r["province"], r["city"], r["county"], r["fiscal_year"]) for r in res.rows]
    assert places == [("云南省", "临沧市", None, 2023), ("广东省", "江门市", None, 2022),
                      ("广东省", "韶关市", None, 2020), ("广东省", "韶关市", "乐昌市", 2022)]
    lincang = res.rows[0]
    assert lincang["n_in_report"] == 2 and lincang["name"] == "项目资金执行率"  # first statement, count kept
    assert lincang["actual_value"] == pytest.approx(99.19)
    assert res.suggestions == [] and res.message is None


def test_compare_says_whether_the_reports_checks_pass(conn):
    by_city = {(r["city"], r["county"]): r for r in compare(conn, RATE).rows}
    assert by_city[("江门市", None)]["checks"] == "mismatch" and by_city[("江门市", None)]["n_mismatch"] == 1
    assert by_city[("韶关市", "乐昌市")]["checks"] == "ok" and by_city[("韶关市", "乐昌市")]["n_mismatch"] == 0
    # only an unverifiable check: nothing was recomputed, which is not a pass
    assert by_city[("韶关市", None)]["checks"] is None


def test_checks_label():
    assert checks_label(0, 0) is None and checks_label(None, None) is None
    assert checks_label(0, 3) == "ok" and checks_label(2, 3) == "mismatch"


def test_compare_filters_year_and_kind_and_ignores_case(conn):
    assert {r["fiscal_year"] for r in compare(conn, RATE, year=2022).rows} == {2022}
    assert [r["county"] for r in compare(conn, RATE.upper(), year=2022, kind="department_self").rows] == ["乐昌市"]
    none = compare(conn, RATE, year=1999)
    assert none.rows == [] and "1999" in none.message


def test_compare_unknown_kind_is_a_message(conn):
    res = compare(conn, RATE, kind="city_self")
    assert res.rows == [] and "project_self" in res.message


def test_compare_suggests_close_keys_for_a_typo_and_for_a_chinese_name(conn):
    assert compare(conn, "budget_executon_rate").suggestions[0] == RATE
    assert RATE in suggest(conn, "预算执行率")
    assert "beneficiary_satisfaction" in compare(conn, "满意度").suggestions
    assert compare(conn, "zzzz").suggestions == []


def test_budget_execution_recomputes_the_rate_beside_the_reported_one(conn):
    rows = budget_execution(conn)
    assert {r["line"] for r in rows} == {"total"}
    lincang = next(r for r in rows if r["city"] == "临沧市")
    assert lincang["reported_rate_pct"] == pytest.approx(99.91)
    assert lincang["recomputed_rate_pct"] == pytest.approx(99.19)
    assert len(budget_execution(conn, line=None)) == len(rows) + 1


def test_compare_cli_csv_json_and_table(small_db):
    r = runner.invoke(app, ["compare", RATE, "--db", str(small_db), "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["city"] for row in rows] == ["临沧市", "江门市", "韶关市", "韶关市"]
    assert rows[1]["checks"] == "mismatch" and rows[1]["evidence"].startswith("预算执行率")
    r = runner.invoke(app, ["compare", RATE, "--db", str(small_db), "--year", "2023", "-f", "json"])
    assert json.loads(r.stdout)[0]["actual_value"] == pytest.approx(99.19)
    r = runner.invoke(app, ["compare", RATE, "--db", str(small_db)])
    assert r.exit_code == 0 and "乐昌市" in r.stdout


def test_compare_budget_cli(small_db, conn):
    want = budget_execution(conn)
    r = runner.invoke(app, ["compare", "--budget", "--db", str(small_db), "-f", "json"])
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)
    assert [(g["report_id"], g["spent_yuan"], g["recomputed_rate_pct"]) for g in got] == \
        [(w["report_id"], w["spent_yuan"], w["recomputed_rate_pct"]) for w in want] and got
    r = runner.invoke(app, ["compare", "--budget", "--db", str(small_db)])
    spent = want[0]["spent_yuan"]
    assert r.exit_code == 0 and f"{spent / 1e4:,.2f}" in r.stdout
    r = runner.invoke(app, ["compare", "--budget", "--line", "没有这一行", "--db", str(small_db)])
    assert r.exit_code == 1 and "no budget rows" in r.output


def test_compare_cli_no_match_exits_1_with_suggestions(small_db):
    r = runner.invoke(app, ["compare", "budget_execution", "--db", str(small_db)])
    assert r.exit_code == 1
    assert "did you mean" in r.output and RATE in r.output


def test_compare_on_corpus_rows_are_complete(corpus_db):
    """Whatever canonical keys normalize produces today, compare returns one row per report
    for each, with the report's place attached."""
    with sqlite3.connect(corpus_db) as c:
        keys = [k for (k,) in c.execute("select distinct canonical from indicators where canonical is not null")]
        expected = {k: n for k, n in c.execute(
            "select canonical, count(distinct report_id) from indicators where canonical is not null group by 1")}
    conn = open_readonly(corpus_db)
    for key in keys[:20]:
        res = compare(conn, key)
        assert len(res.rows) == expected[key]
        assert len({r["report_id"] for r in res.rows}) == len(res.rows)
    res = compare(conn, "no_such_indicator_key")
    assert res.rows == [] and res.message


# ---- query ---------------------------------------------------------------------------------

def test_query_reads(conn):
    res = run_query(conn, "select city, count(*) as n from reports group by city order by city")
    assert res.columns == ["city", "n"]
    assert dict(res.rows) == {"临沧市": 1, "江门市": 1, "韶关市": 2}
    res = run_query(conn, "select count(*) from reports where fiscal_year = :y", {"y": 2022})
    assert res.rows == [(2,)]


@pytest.mark.parametrize("sql, word", [
    ("delete from reports", "DELETE"),
    ("insert into files(id, path) values ('x', 'y')", "INSERT"),
    ("update reports set city = '北京市'", "UPDATE"),
    ("drop table checks", "DROP TABLE"),
    ("create table t(x)", "CREATE TABLE"),
    ("attach database ':memory:' as other", "ATTACH"),
])
def test_query_refuses_writes(small_db, sql, word):
    before = sqlite3.connect(small_db).execute("select count(*) from reports").fetchone()
    c = open_readonly(small_db)
    with pytest.raises(QueryError) as exc:
        run_query(c, sql)
    assert word in str(exc.value) and "only reads" in str(exc.value)
    assert sqlite3.connect(small_db).execute("select count(*) from reports").fetchone() == before
    assert run_query(c, "select 1").rows == [(1,)]  # the connection is still usable


def test_readonly_file_mode_refuses_writes_even_without_the_authorizer(small_db):
    c = open_readonly(small_db)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        c.execute("delete from reports")


def test_query_errors_are_one_line(conn):
    with pytest.raises(QueryError, match="no such table"):
        run_query(conn, "select * from nope")
    with pytest.raises(QueryError, match="one statement"):
        run_query(conn, "select 1; select 2")


def test_open_readonly_missing_file(tmp_path):
    with pytest.raises(DatabaseError, match="no such database"):
        open_readonly(tmp_path / "none.db")


def test_query_cli(small_db):
    r = runner.invoke(app, ["query", "select city, fiscal_year from reports order by fiscal_year", "--db",
                            str(small_db), "-f", "csv"])
    assert r.exit_code == 0
    assert r.stdout.splitlines()[:2] == ["city,fiscal_year", "韶关市,2020"]
    r = runner.invoke(app, ["query", "select count(*) n from reports where city = :c", "--db", str(small_db),
                            "-p", "c=韶关市", "-f", "json"])
    assert json.loads(r.stdout) == [{"n": 2}]
    r = runner.invoke(app, ["query", "delete from reports", "--db", str(small_db)])
    assert r.exit_code == 2
    assert len(r.output.strip().splitlines()) == 1 and "only reads" in r.output
    r = runner.invoke(app, ["query", "select 1", "--db", str(small_db), "-f", "xml"])
    assert r.exit_code == 2 and "unknown format" in r.output


def test_query_on_corpus_db(corpus_db):
    c = open_readonly(corpus_db)
    corpus = Path(__file__).parent.parent / "corpus"
    paths = {p for (p,) in run_query(c, "select path from files").rows}
    assert all((corpus / p).is_file() for p in paths)
    assert {p.name for p in corpus.iterdir() if p.suffix in (".pdf", ".docx", ".xlsx")} <= paths
    assert run_query(c, "select count(*) from paragraphs").rows[0][0] > 100


# ---- helpers the notebooks use -------------------------------------------------------------

def test_merge_copies_folds_identical_reports_only():
    from jixiao.workbench.compare import merge_copies

    base = {"province": "广东省", "city": "中山市", "county": None, "fiscal_year": 2022, "kind": "project_self",
            "unit": "中心", "project": "热线", "actual_value": 100.0}
    rows = [{**base, "path": "a.pdf"}, {**base, "path": "a.docx"}, {**base, "path": "a.xlsx", "actual_value": 99.0}]
    merged = merge_copies(rows)
    assert [(r["path"], r["copies"]) for r in merged] == [("a.pdf", ["a.docx"]), ("a.xlsx", [])]


def test_html_table_escapes_and_formats():
    from jixiao.workbench.notebook import html_table

    out = html_table(["a", "b"], [["<b>x</b>", 1234.5], [None, 3]], max_rows=1)
    assert "&lt;b&gt;x&lt;/b&gt;" in out and "1,234.50" in out and "1 more rows" in out


def test_compare_list_keys(conn, small_db):
    from jixiao.workbench.compare import list_keys

    keys = list_keys(conn)
    assert [k[0] for k in keys] == [RATE, "beneficiary_satisfaction"]
    assert tuple(keys[0][1:3]) == (4, 4)  # 4 reports in 4 places
    r = runner.invoke(app, ["compare", "--list", "--db", str(small_db), "-f", "csv"])
    assert r.exit_code == 0 and r.stdout.splitlines()[1].startswith(f"{RATE},4,4,")
    r = runner.invoke(app, ["compare", "--db", str(small_db)])
    assert r.exit_code == 2 and "--list" in r.output


def test_search_filters_by_place_and_year(conn):
    from jixiao.workbench import search

    assert {h.path for h in search(conn, "执行率").hits} == {"guangdong/jiangmen-2022-project.docx",
                                                          "guangdong/lechang-2022-department.pdf"}
    assert [h.path for h in search(conn, "执行率", city="乐昌市").hits] == ["guangdong/lechang-2022-department.pdf"]
    assert [h.path for h in search(conn, "执行率", city="韶关市").hits] == ["guangdong/lechang-2022-department.pdf"]
    assert search(conn, "执行率", year=2023).hits == []
    assert len(search(conn, "预算", year=2023).hits) == 1
