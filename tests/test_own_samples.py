"""The project's own samples (tests/data/samples, written by scripts/make_samples.py) against their gold.

They are templates and provinces the corpus lacks (a Zhejiang county form in 元 with cents, a
Jiangxi workbook holding a 部门整体 form and two project forms, a Shandong third-party report,
PDFs converted from the DOCX files), each with one planted discrepancy.  Scoring them with the
same scorer as the corpus keeps the product honest beyond the corpus's wording.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sample_scoring import ingest_folder, score

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "samples"
GOLD = SAMPLES / "gold"

# metric -> least acceptable rate
FLOORS = {"files_ingested": 1.0, "reports_found": 1.0, "report_fields": 0.95, "budgets": 0.95, "scores": 0.95,
          "indicators_tier2": 0.95, "checks_flagged": 1.0}
MAX_WRONG_SHARE = 0.005


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> Path:
    return ingest_folder(SAMPLES, tmp_path_factory.mktemp("own_samples") / "samples.db")


@pytest.fixture(scope="module")
def figures(samples_db) -> dict:
    return score(samples_db, GOLD)


def test_every_gold_names_a_committed_sample():
    golds = sorted(GOLD.glob("*.json"))
    assert len(golds) >= 4
    formats = set()
    for g in golds:
        gold = json.loads(g.read_text(encoding="utf-8"))
        for f in gold["files"]:
            assert (SAMPLES / f).is_file(), f"{g.name} names {f}, which is not in {SAMPLES}"
            formats.add(Path(f).suffix)
    assert {".docx", ".xlsx", ".pdf"} <= formats
    planted = {f for g in golds for f in json.loads(g.read_text(encoding="utf-8"))["files"]
               if json.loads(g.read_text(encoding="utf-8"))["checks"]}
    assert planted == {f.name for f in SAMPLES.iterdir() if f.is_file()}, "every sample file plants a discrepancy"


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_metric_floor(figures, metric):
    got = figures["figures"].get(metric)
    assert got is not None, f"{metric} was not scored"
    assert got >= FLOORS[metric], f"{metric} {got:.1%} < {FLOORS[metric]:.0%}"


def test_no_wrong_values(figures):
    present = figures["values_present"]
    assert present > 200  # the gold states enough numbers for the figure to mean something
    assert figures["wrong_values"] <= MAX_WRONG_SHARE * present


def test_no_false_alarms(figures):
    """Each sample is consistent apart from its planted discrepancy: any other mismatch is a false alarm."""
    assert figures["false_alarms"] == 0


def test_planted_discrepancies_only(samples_db):
    """A report whose gold plants a discrepancy gets a mismatch; a consistent one (empty gold checks) none."""
    import sqlite3

    db = sqlite3.connect(samples_db)
    rows = db.execute("select r.path, r.project, count(c.rowid) from reports r left join checks c "
                      "on c.report_id = r.id and c.status = 'mismatch' group by r.id").fetchall()
    mismatches = {(Path(p).name, proj): n for p, proj, n in rows}
    seen = {True: 0, False: 0}
    for g in GOLD.glob("*.json"):
        gold = json.loads(g.read_text(encoding="utf-8"))
        for f in gold["files"]:
            n = mismatches[(f, gold["report"]["project"])]
            planted = bool(gold["checks"])
            assert (n >= 1) if planted else (n == 0), f"{f} {gold['report']['project']}: {n} mismatches"
            seen[planted] += 1
    assert seen[True] and seen[False]


def test_each_level_with_its_own_points_column():
    """'一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分': the indicator's 分值 is the one after its name.

    Reading the first 分值 column instead gives every indicator its section's points (a wrong number)."""
    from jixiao.extract.document import Document, Table
    from jixiao.normalize.segment import Segment
    from jixiao.normalize.tables import read_tables

    rows = [["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
            ["决策", "10", "项目立项", "6", "立项依据充分性", "3", "3"],
            ["", "", "", "", "立项程序规范性", "3", "2.5"],
            ["", "", "资金投入", "4", "预算编制科学性", "4", "3"]]
    merges = [(1, 0, 3, 0), (1, 1, 3, 1), (1, 2, 2, 2), (1, 3, 2, 3)]
    table = Table(rows=rows, page_start=1, page_end=1, merges=merges)
    doc = Document(path="x.docx", format="docx", blocks=[table])
    facts = read_tables(Segment(blocks=[table], page_start=1, page_end=1), doc)
    got = {i.name: (i.weight, i.score) for i in facts.indicators if i.source == "table"}
    assert got == {"立项依据充分性": (3, 3), "立项程序规范性": (3, 2.5), "预算编制科学性": (4, 3)}
