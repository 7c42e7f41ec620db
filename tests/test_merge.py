"""The merge: table rows first, prose fills gaps, prose duplicates dropped, disputes resolved."""
from __future__ import annotations

from jixiao.normalize.facts import Facts
from jixiao.normalize.merge import merge
from jixiao.normalize.segment import Segment
from jixiao.schemas import BudgetLine, Indicator, Report, ScoreSection


def seg():
    return Segment(blocks=[], page_start=1, page_end=3, table_seqs=[0, 1])


def test_prose_fills_table_rows_and_duplicates_are_dropped():
    f = Facts()
    f.budgets = [BudgetLine(line="total", initial_yuan=5.5e6, final_yuan=5712200, spent_yuan=5679500, source="table"),
                 BudgetLine(line="total", initial_yuan=5.5e6, adjusted_yuan=212200, source="prose"),
                 BudgetLine(line="基本支出", final_yuan=6482315.26, source="prose")]
    f.indicators = [Indicator(name="“三公经费”控制率", weight=3, score=3, source="table", page=4),
                    Indicator(name="“三公”经费控制率", actual_value=91.2, unit="%", source="prose", page=3),
                    Indicator(name="市民满意度", actual_value=93.4, unit="%", source="prose", page=3),
                    Indicator(name="市民满意度", actual_value=93.4, unit="%", source="prose", page=3)]
    f.scores = [ScoreSection(section="产出指标", max_points=40, source="table"),
                ScoreSection(section="产出", max_points=40, points=34.66, source="prose")]
    rr = merge(Report(), seg(), f)
    tot = [b for b in rr.budgets if b.line == "total"]
    assert len(tot) == 1 and tot[0].adjusted_yuan == 212200 and tot[0].spent_yuan == 5679500
    assert {b.line for b in rr.budgets} == {"total", "基本支出"}
    names = [i.name for i in rr.indicators]
    assert names.count("市民满意度") == 1 and len(rr.indicators) == 2  # 三公 prose row folded into the table row
    three = [i for i in rr.indicators if i.source == "table"][0]
    assert (three.actual_value, three.weight) == (91.2, 3)
    assert [i.seq for i in rr.indicators] == [1, 2] and rr.indicators[0].name == "市民满意度"  # page order
    assert len(rr.scores) == 1 and rr.scores[0].points == 34.66 and rr.report.status == "ok"


def test_contradicting_prose_kept_apart_and_table_wins():
    f = Facts()
    f.indicators = [Indicator(name="立案率", target_value=90, unit="%", source="table"),
                    Indicator(name="立案率", target_value=95, unit="%", source="prose")]
    f.budgets = [BudgetLine(line="total", spent_yuan=100.0, source="table"),
                 BudgetLine(line="total", spent_yuan=90.0, source="prose")]
    rr = merge(Report(), seg(), f)
    assert sorted(i.target_value for i in rr.indicators) == [90, 95]
    assert rr.budgets[0].spent_yuan == 100.0  # no dispute recorded: the table stands


def test_disputed_table_total_yields_to_prose_that_agrees_with_the_rows():
    f = Facts()
    f.budgets = [BudgetLine(line="total", final_yuan=11803715.26, spent_yuan=11770780.58, reported_rate_pct=99.72,
                            source="table"),
                 BudgetLine(line="total", initial_yuan=10926300.0, spent_yuan=11707780.58, reported_rate_pct=99.19,
                            source="prose")]
    f.hint("budget_total_disputed", {"field": "spent_yuan", "stated": 11770780.58, "sum": 11707780.58})
    rr = merge(Report(), seg(), f)
    (tot,) = rr.budgets
    assert (tot.spent_yuan, tot.reported_rate_pct, tot.initial_yuan, tot.final_yuan) == \
        (11707780.58, 99.19, 10926300.0, 11803715.26)


def test_problems_mark_the_report_partial():
    f = Facts()
    f.problems = ["table p2: money unit not stated; figures not read"]
    rr = merge(Report(), seg(), f)
    assert rr.report.status == "partial" and "unit" in rr.report.error and rr.table_seqs == [0, 1]


def test_a_sentence_contradicting_the_form_is_kept_for_the_checks():
    from jixiao.checks import run_checks

    f = Facts()
    f.scores = [ScoreSection(section="过程", max_points=20, points=17.5, source="table", page=3, evidence="过程小计 | 20 | 17.5"),
                ScoreSection(section="过程", max_points=20, points=18, source="prose", page=2,
                             evidence="决策指标满分15分，得分12.5分；过程指标满分20分，得分18分")]
    f.budgets = [BudgetLine(line="total", spent_yuan=12983712.34, source="table", page=1),
                 BudgetLine(line="total", spent_yuan=12983700.0, source="prose", page=2)]  # 1,298.37 万元: a rounding
    rr = merge(Report(), seg(), f)
    assert [s.points for s in rr.scores] == [17.5] and rr.budgets[0].spent_yuan == 12983712.34
    assert [(r.kept, r.other, r.other_page) for r in rr.restated] == [(12983712.34, 12983700.0, 2), (17.5, 18.0, 2)]
    found = {c.subject: c.status for c in run_checks(rr, seg(), None, None) if c.rule == "restated"}
    assert found == {"budget total spent_yuan: text against table": "rounding",
                     "score section 过程 points: text against table": "mismatch"}


def test_a_sentence_giving_another_columns_figure_is_no_contradiction():
    f = Facts()
    f.budgets = [BudgetLine(line="total", initial_yuan=98600000.0, final_yuan=94126000.0, source="table", page=3),
                 BudgetLine(line="total", final_yuan=98600000.0, source="prose", page=1)]  # "预算安排9,860万元"
    rr = merge(Report(), seg(), f)
    assert rr.restated == [] and rr.budgets[0].final_yuan == 94126000.0
