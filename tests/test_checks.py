"""Spot-check rules on hand-built models and small synthetic documents: each rule flags what it
should and stays quiet on consistent figures."""
from __future__ import annotations

import pytest

from jixiao.checks import run_checks
from jixiao.checks.bands import apply, parse_grade_bands, parse_point_bands
from jixiao.checks.compare import Fig, judge
from jixiao.checks.formula import evaluate
from jixiao.checks.settings import CheckSettings
from jixiao.extract.document import Document, Paragraph, Table
from jixiao.normalize.segment import Segment
from jixiao.schemas import BudgetLine, Indicator, Report, ReportResult, ScoreSection

S = CheckSettings()


def run(result=None, paragraphs=(), tables=()):
    result = result or ReportResult(report=Report())
    blocks = [Paragraph(t, 1) for t in paragraphs] + [Table(rows=r, page_start=1, page_end=1) for r in tables]
    doc = Document(path="x.docx", format="docx", blocks=blocks)
    seg = Segment(blocks=blocks, page_start=1, page_end=1)
    return run_checks(result, seg, doc, None)


def bad(checks, rule=None):
    return [c for c in checks if c.status == "mismatch" and (rule is None or c.rule == rule)]


# ----------------------------------------------------------------------------- compare
@pytest.mark.parametrize("reported,recomputed,status,word", [
    (94.28, 33 / 35 * 100, "rounding", "truncated"),
    (4.38, 5 * 14 / 16, "rounding", "half-up"),
    (91.4, 1661 / 1816 * 100, "rounding", "truncated"),
    (100, 1490 / 1515 * 100, "mismatch", "differs"),
    (92.49, 92.49, "ok", "equal"),
])
def test_judge(reported, recomputed, status, word):
    got, note = judge(Fig(reported), recomputed, S)
    assert got == status and word in note


def test_judge_uses_the_written_precision_in_yuan():
    # 88.42 万元 written with two decimals: a step of 100 yuan, so 884,249 would round to it ...
    assert judge(Fig(884200, 100), 884249, S)[0] == "rounding"
    # ... but 902,000 does not
    assert judge(Fig(884200, 100), 902000, S)[0] == "mismatch"


def test_bands_and_formula():
    b = parse_point_bands("比率≥98%的，得5分；90%≤比率<98%的，得4分；比率<90%的，得0分")
    assert [apply(b, x) for x in (100, 98, 97.9, 50)] == ["5", "5", "4", "0"]
    g = parse_grade_bands("分数≥90分为优、80≤分数<90分为良、60分≤分数<80分为中、分数<60分为差")
    assert apply(g, 89.99) == "良" and apply(g, 90) == "优"
    assert evaluate("min(r, 1) * m", {"r": 1.2, "m": 10}) == 10
    assert evaluate("a / b", {"a": 1, "b": 0}) is None


# ----------------------------------------------------------------------------- models
def test_budget_models():
    rr = ReportResult(report=Report(), budgets=[
        BudgetLine(initial_yuan=100, adjusted_yuan=20, final_yuan=130, spent_yuan=117, reported_rate_pct=90)])
    checks = run(rr)
    assert {c.rule for c in bad(checks)} == {"budget_sum"}  # 100 + 20 != 130; 117 / 130 = 90 % is right
    assert any(c.rule == "execution_rate" and c.status == "ok" for c in checks)


def test_score_models_total_grade_and_cap():
    rr = ReportResult(report=Report(reported_score=96, reported_grade="优"), scores=[
        ScoreSection(section="决策", max_points=20, points=18, reported_rate_pct=90),
        ScoreSection(section="产出", max_points=40, points=37, reported_rate_pct=92.5),
        ScoreSection(section="效益", max_points=40, points=40)],
        indicators=[Indicator(name="满意度", weight=10, score=11)])
    checks = run(rr)
    total = bad(checks, "total_score")
    assert len(total) == 1 and total[0].reported == 96 and total[0].recomputed == 95
    assert len(bad(checks, "item_cap")) == 1
    assert not bad(checks, "score_rate") and not bad(checks, "grade_band")


def test_grade_follows_the_reports_own_bands():
    rr = ReportResult(report=Report(reported_score=88, reported_grade="优"))
    # the default bands call 88 良 ...
    assert bad(run(rr), "grade_band")[0].recomputed_text == "良"
    # ... but this report says 85 and above is 优, and its bands win
    own = "评价等级：85分（含）以上为优、70≤分数<85为良、60≤分数<70为中、60分以下为差。"
    assert not bad(run(rr, paragraphs=[own]), "grade_band")


# ----------------------------------------------------------------------------- tables
BUDGET = [["项目", "年初预算数", "全年预算数", "实际支出数", "执行率"],
          ["人员经费", "268.40", "275.62", "275.62", "100.00%"],
          ["公用经费", "41.60", "43.10", "42.87", "99.47%"],
          ["合计", "310.00", "318.72", "318.49", "99.93%"]]


def test_table_totals_and_rates_in_units():
    checks = run(paragraphs=["金额单位：万元"], tables=[BUDGET])
    assert not bad(checks)
    wrong = [r[:] for r in BUDGET]
    wrong[3][3] = "319.49"
    wrong[3][4] = "100.24%"  # the rate follows the wrong total: one finding, not two
    found = bad(run(paragraphs=["金额单位：万元"], tables=[wrong]))
    assert len(found) == 1 and found[0].rule == "table_total"
    assert found[0].reported == pytest.approx(3194900) and found[0].recomputed == pytest.approx(3184900)


def test_parts_under_a_total_and_proportional_score():
    rows = [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            ["年度资金总额：", "90", "95.6", "88.42", "10", "92.49%", "9.25"],
            ["其中：本年财政拨款", "90", "90", "84.6", "—", "", "—"],
            ["上年结转资金", "", "5.6", "5.6", "—", "", "—"]]
    checks = run(tables=[rows])
    found = bad(checks)
    assert [(c.rule, c.reported, c.recomputed) for c in found] == [("budget_sum", 884200, 902000)]
    assert any(c.rule == "proportional_score" and c.status == "rounding" for c in checks)


def test_subtotals_totals_and_a_stated_band():
    rows = [["一级指标", "三级指标", "分值", "评分标准", "完成值", "得分"],
            ["投入", "预算执行率", "10", "比率≥98%的，得10分；90%≤比率<98%的，得8分", "95%", "10"],
            ["", "资金到位率", "10", "", "100%", "12"],
            ["投入小计", "", "20", "", "", "21"],
            ["合计", "", "20", "", "", "21"]]
    found = {c.rule: c for c in bad(run(tables=[rows]))}
    assert set(found) == {"band_rule", "item_cap", "section_total"}
    assert found["band_rule"].recomputed == 8 and found["section_total"].recomputed == 22


def test_a_table_broken_off_on_the_page_before_has_no_verifiable_grand_total():
    # the first section's rows and header stayed on the previous page (a header that changes
    # shape is not joined): only its subtotal is here, above this part's own header
    body = [["一级指标", "三级指标", "权重", "指标值", "完成值", "自评分"],
            ["产出指标", "培训场次", "20", "100", "100", "20.00"],
            ["", "话务量", "20", "100", "60", "12.00"],
            ["产出指标得分小计", "", "", "", "", "32.00"],
            ["自评分数合计", "", "", "", "", "52.00"]]
    checks = run(tables=[[["预算执行过程指标得分小计", "", "", "", "", "20.00"]] + body])
    assert not bad(checks)
    assert any(c.status == "unverifiable" and "合计" in c.subject for c in checks)
    assert any(c.status == "ok" and "产出指标得分小计" in c.subject for c in checks)
    # without the orphan subtotal the grand total is checked, and this one is flagged
    assert [c.recomputed for c in bad(run(tables=[body]))] == [32.0]


def test_two_breakdowns_of_one_total_add_up_each_on_its_own():
    rows = [["项目", "全年预算数", "全年执行数"],
            ["年度资金总额", "5,012.48", "4,897.16"],
            ["按收入性质分：", "", ""],
            ["其中：财政拨款", "4,802.48", "4,701.26"],
            ["其他资金", "210.00", "195.90"],
            ["按支出性质分：", "", ""],
            ["其中：基本支出", "1,874.62", "1,874.62"],
            ["项目支出", "3,137.86", "3,032.54"]]
    found = bad(run(tables=[rows]))
    # the spending breakdown is 10.00 too high; the income breakdown adds up
    assert [(c.reported, c.recomputed) for c in found] == [(4897.16, 4907.16)]
    rows[7][2] = "3,022.54"
    assert not bad(run(tables=[rows]))


def test_a_subtotal_is_read_at_its_columns_precision_and_sections_must_make_the_full_marks():
    rows = [["一级指标", "二级指标", "三级指标", "分值", "得分"],
            ["产出指标", "数量指标", "新建暖棚", "2", "1.5"], ["", "", "培训人次", "2", "2"],
            ["", "", "小计", "4", "4"],  # "4" where its items make 3.5: the column writes 1.5, so no rounding
            ["", "质量指标", "验收合格率", "2", "2"], ["", "", "小计", "2", "2"]]
    found = bad(run(tables=[rows]))
    assert [(c.reported, c.recomputed) for c in found] == [(4.0, 3.5)]
    # 二级指标 subtotals beside a 执行率 score do not make the 100 points: no "sections add up" check
    rr = ReportResult(report=Report(reported_score=97.5), scores=[
        ScoreSection(section="数量指标", max_points=40, points=38), ScoreSection(section="质量指标", max_points=50, points=50)])
    assert not any(c.rule == "total_score" for c in run(rr))


def test_grade_bands_written_as_ranges():
    rr = ReportResult(report=Report(reported_score=86.35, reported_grade="良"))
    text = "自评等级按自评得分确定：85分（含）以上为“优”，75分（含）至85分为“良”，60分（含）至75分为“中”，60分以下为“差”。"
    found = [c for c in run(rr, paragraphs=[text]) if c.rule == "grade_band"]
    assert [(c.status, c.reported_text, c.recomputed_text) for c in found] == [("mismatch", "良", "优")]
    rr = ReportResult(report=Report(reported_score=84.9, reported_grade="良"))
    assert [c.status for c in run(rr, paragraphs=[text]) if c.rule == "grade_band"] == ["ok"]


def test_a_rate_from_the_amounts_its_name_points_at():
    text = "项目预算安排9,860.00万元，实际到位9,412.60万元，实际支出8,976.30万元，资金到位率95.64%。"
    found = [c for c in run(paragraphs=[text]) if c.rule == "prose_ratio"]
    assert [(c.status, c.reported, round(c.recomputed, 2)) for c in found] == [("mismatch", 95.64, 95.46)]
    good = text.replace("95.64%", "95.46%")
    assert [c.status for c in run(paragraphs=[good]) if c.rule == "prose_ratio"] == ["rounding"]
    # two budget figures in the sentence: which one the rate divides by is not said, so nothing is checked
    two = "年初预算8,000万元，调整后预算9,860万元，实际到位9,412.60万元，资金到位率95.64%。"
    assert not [c for c in run(paragraphs=[two]) if c.rule == "prose_ratio"]


def test_a_change_in_points_between_two_rates():
    text = "设施正常运行率2023年实际完成98.6%，较2022年的96.8%提高2.8个百分点；出水达标率95.4%，较2022年的92.1%提高3.3个百分点。"
    found = [(c.status, c.reported, round(c.recomputed, 2)) for c in run(paragraphs=[text]) if c.rule == "prose_growth"]
    assert found == [("mismatch", 2.8, 1.8), ("ok", 3.3, 3.3)]


def test_a_group_section_against_its_items_then_the_total_with_the_fixed_figure():
    rr = ReportResult(report=Report(reported_score=38), scores=[
        ScoreSection(section="数量", max_points=20, points=19), ScoreSection(section="质量", max_points=20, points=20)],
        indicators=[Indicator(name="培训场次", level2="数量指标", weight=10, score=9),
                    Indicator(name="覆盖人数", level2="数量指标", weight=10, score=9),
                    Indicator(name="合格率", level2="质量指标", weight=20, score=20)])
    found = [(c.rule, c.reported, c.recomputed) for c in bad(run(rr))]
    assert found == [("section_total", 19, 18)]  # the total (38 = 18 + 20) is no second finding


def test_derived_column_from_the_vocabulary():
    rows = [["月份", "取号量", "弃号量", "不满意", "满意量"], ["一月", "100", "10", "0", "90"], ["二月", "50", "5", "1", "45"]]
    found = bad(run(tables=[rows]))
    assert [(c.rule, c.reported, c.recomputed) for c in found] == [("derived_column", 45, 44)]


# ----------------------------------------------------------------------------- prose
def test_prose_ratio_growth_parts_and_score_rate():
    text = ["全市公布政务服务事项1816项，其中可在线申办1661项，网上可办率达91.4%；依申请事项1515项，可网办事项1490项，"
            "可网办率达100%。",
            "日常公用经费支出42.87万元，比上年39.50万元增长9.32%。",
            "实际支出496.81万元，其中薪酬费用434.56万元（110人，6万元/人/年），运营管理费用58.98万元。",
            "该指标分值4分，评价得分3分，得分率80%。"]
    checks = run(paragraphs=text)
    got = {(c.rule, c.status, round(c.recomputed, 2)) for c in checks}
    assert ("prose_ratio", "rounding", 91.46) in got
    assert ("prose_ratio", "mismatch", 98.35) in got
    assert ("prose_growth", "mismatch", 8.53) in got
    assert ("prose_parts", "mismatch", 4935400) in got
    assert ("score_rate", "mismatch", 75) in got


def test_prose_stays_quiet_on_unrelated_counts():
    text = ["全年窗口取号量为109783宗，弃号量为18074宗，满意量91709宗，满意率100%。",
            "1-4月月均受理5.9万宗，5-12月月均受理8.6万宗，月均受理量增加33.66%。",
            "合同金额2349.96万元，其中市本级财政负责1351.239万元，2020年支付436.45万元。"]
    assert not bad(run(paragraphs=text))


def test_a_broken_rule_does_not_hide_the_others(monkeypatch):
    from jixiao.checks import registry

    def boom(ctx):
        raise RuntimeError("odd template")

    monkeypatch.setitem(registry.RULES, "boom", boom)
    checks = run(paragraphs=["该指标分值4分，评价得分3分，得分率80%。"])
    assert any(c.rule == "boom" and c.status == "unverifiable" for c in checks)
    assert bad(checks, "score_rate")


def test_equal_weights_and_budget_derived_indicator():
    budget = [["年度", "年初预算安排数", "预算调整额", "实际资金支出额", "预算执行率"],
              ["2022年", "1000", "0", "990", "99.00%"]]
    scoring = [["一级指标", "二级指标", "权重", "指标值", "完成值", "自评分"],
               ["预算执行", "预算调整率", "15", "比率≤10%的，得15分；10%<比率≤20%的，得9分；比率>20%的，得0分", "100%", "15"],
               ["产出", "数量指标", "40/3=13.33", "100", "100", "13.33"],
               ["", "质量指标", "40/3=13.33", "100", "100", "13.33"]]
    checks = run(tables=[budget, scoring])
    found = bad(checks)
    # 预算调整率 stated 100 % though nothing was adjusted; the band is then applied to the true 0 %
    assert {(c.rule, c.reported, c.recomputed) for c in found} == {("budget_ratio", 100, 0), ("equal_weight", 3, 2)}
    assert any(c.rule == "band_rule" and c.status == "ok" for c in checks)
    assert any(c.rule == "equal_weight" and c.status == "rounding" for c in checks)
