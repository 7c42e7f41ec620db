"""Table reading on the corpus grids (the hand-checked ``.tables.json`` beside each file, so the
tests do not depend on a reader's progress) and on a synthetic template of another province."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao.extract.document import Document, Paragraph, Table
from jixiao.normalize.segment import Segment
from jixiao.normalize.tables import read_tables
from jixiao.normalize.tables.items import name_value, split_numbered
from jixiao.normalize.tables.units import unit_in
from jixiao.normalize.tables.vocab import load_vocab

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def doc_from_truth(name: str, before: list[str] | None = None, fmt: str = "docx") -> Document:
    grids = json.loads((CORPUS / f"{name}.tables.json").read_text(encoding="utf-8"))
    blocks = [Paragraph(text=t, page=1) for t in before or []]
    for g in grids:
        blocks.append(Table(rows=g["cells"], page_start=1, page_end=1, merges=[tuple(m) for m in g.get("merges", [])]))
        blocks.append(Paragraph(text="正文。", page=1))
    return Document(path=name, format=fmt, blocks=blocks)


def read(doc: Document, only: list[int] | None = None):
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    if only is not None:
        keep = {id(tables[i]) for i in only}
        blocks = [b for b in doc.blocks if not isinstance(b, Table) or id(b) in keep]
    else:
        blocks = list(doc.blocks)
    seg = Segment(blocks=blocks, page_start=1, page_end=1)
    return read_tables(seg, doc)


def by_name(facts, name):
    return [i for i in facts.indicators if i.name == name and i.source == "table"]


def table_lines(facts):
    """Budget lines read from the grids (text cells handed to the prose reader come back as prose)."""
    return {b.line: b for b in facts.budgets if b.source == "table"}


def hint(facts, name):
    return [h.value for h in facts.hints.get(name, [])]


def strong(facts, name):
    """Hints from labelled form cells (strength 3), not from sentences."""
    return [h.value for h in facts.hints.get(name, []) if h.strength >= 3]


def test_national_form_budgets_indicators_sections():
    f = read(doc_from_truth("anhui-chizhou-guichi-2022-xmzpb.xlsx", fmt="xlsx"))
    lines = table_lines(f)
    assert set(lines) == {"total", "本年财政拨款", "上年结转资金"}  # 其他资金 states nothing
    tot = lines["total"]
    assert (tot.initial_yuan, tot.final_yuan, tot.spent_yuan, tot.reported_rate_pct) == (900000, 956000, 884200, 92.49)
    assert lines["上年结转资金"].initial_yuan is None and lines["上年结转资金"].final_yuan == 56000
    rate = by_name(f, "执行率")[0]
    assert (rate.level1, rate.weight, rate.score, rate.actual_value, rate.unit) == ("项目资金", 10, 9.25, 92.49, "%")
    cost = by_name(f, "项目总成本")[0]
    assert (cost.level1, cost.level2, cost.target_op, cost.target_value, cost.actual_value, cost.unit) == \
        ("产出指标", "成本指标", "<=", 95.6, 88.42, "万元")
    qual = by_name(f, "经费支出合规性")[0]  # 二级指标 carried down a merged cell; qualitative values as text
    assert qual.level2 == "质量指标" and qual.target_value is None and qual.actual_text == "达成预期指标"
    assert all(i.evidence and i.page == 1 for i in f.indicators)
    assert len([i for i in f.indicators if i.source == "table"]) == 11
    assert {s.section: s.max_points for s in f.scores} == {"产出指标": 50, "效益指标": 30, "满意度指标": 10}
    assert strong(f, "reported_score") == [99.25]
    # 本年财政拨款 84.60 + 上年结转 5.60 != 88.42: the total is recorded as disputed
    assert {"field": "spent_yuan", "stated": 884200.0, "sum": 902000.0} in hint(f, "budget_total_disputed")


def test_provincial_form_lists_weights_subtotals():
    f = read(doc_from_truth("zhongshan-2022-project-self.xlsx", fmt="xlsx"))
    tot = table_lines(f)["total"]
    assert (tot.initial_yuan, tot.adjusted_yuan, tot.spent_yuan, tot.reported_rate_pct) == (17160681.0, 0.0, 17160289.87, 100.0)
    parent = by_name(f, "时效指标")[0]
    assert (parent.weight, parent.target_value, parent.actual_value, parent.score) == (13.33, 100, 60, 8.0)
    kids = [i for i in f.indicators if i.level2 == "时效指标" and i.name != "时效指标"]
    assert [k.name for k in kids] == ["准确派单率", "人工接通率", "平均处理时长", "逾期追责率", "15秒接通率"]
    assert (kids[2].actual_value, kids[2].unit) == (153.33, "秒")
    assert by_name(f, "及时派单率")[0].actual_value == 100  # "1. 及时派单率100%;" has no colon
    exe = by_name(f, "预算执行率")[0]  # the content cell is a formula: name from before "="
    assert exe.formula and "×100%" in exe.formula and exe.target_value is None and exe.actual_value == 100
    secs = {s.section: (s.max_points, s.points) for s in f.scores}
    assert secs["预算执行过程"] == (20, 20) and secs["产出指标"] == (40, 34.66) and secs["效益指标"] == (40, 40)
    assert "自评分数" not in secs
    assert strong(f, "reported_score") == [94.66] and "优" in hint(f, "reported_grade")
    assert not [i for i in f.indicators if i.level1 == "自评结论"]  # commentary after the total is not read


def test_scoring_table_with_subtotals_and_two_reports_grids():
    f = read(doc_from_truth("hunan-yueyang-2018-dept-and-project.docx", before=["金额单位：万元"]), only=[1, 2])
    lines = table_lines(f)
    assert lines["基本支出"].final_yuan == 3187200 and lines["人员经费"].initial_yuan == 2684000
    assert lines["total"].spent_yuan == 5679500 and lines["total"].reported_rate_pct == 99.43
    assert not hint(f, "budget_total_disputed")
    secs = {s.section: (s.max_points, s.points) for s in f.scores}
    assert secs == {"投入": (20, 19.5), "过程": (40, 38.5), "产出": (20, 19.5), "效果": (20, 18)}
    twice = by_name(f, "管理制度健全性")
    assert sorted((i.level2, i.weight) for i in twice) == [("资产管理", 2), ("预算管理", 3)]
    assert strong(f, "reported_score") == [95.5]


def test_department_form_op_column_and_yuan_header():
    f = read(doc_from_truth("yunnan-lincang-2023-department-form.xlsx", fmt="xlsx"))
    lines = table_lines(f)
    assert lines["政务服务大厅运行经费"].final_yuan == 1856400.0  # 项目 column beats 任务名称; 合计 sub-column
    assert lines["total"].spent_yuan == 11770780.58
    assert {"field": "spent_yuan", "stated": 11770780.58, "sum": 11707780.58} in hint(f, "budget_total_disputed")
    ind = by_name(f, "公共资源交易项目进场交易率")[0]
    assert (ind.target_op, ind.target_value, ind.unit, ind.actual_value) == ("=", 100, "%", 100)
    q = by_name(f, "政务服务营商环境评价")[0]
    assert q.target_op is None and q.target_value is None and q.target_text == "稳步提升"
    assert "优" in hint(f, "reported_grade")


def test_third_party_section_table_and_rates():
    f = read(doc_from_truth("xiuyu-2021-third-party.docx", before=["单位：万元"]), only=[1, 2, 3])
    secs = {s.section: (s.max_points, s.points, s.reported_rate_pct) for s in f.scores}
    assert secs["项目产出"] == (30, 27.96, 92.3) and secs["项目决策"] == (20, 15, 75)
    lines = table_lines(f)
    assert lines["政府购买上门服务"].adjusted_yuan == 160000 and lines["total"].final_yuan == 4860000
    ind = by_name(f, "照料中心运营达标率")[0]
    assert (ind.level1, ind.level2, ind.weight, ind.score) == ("项目产出", "产出质量", 5, 4.38)
    assert ind.formula and ind.formula.startswith("得分=")
    assert 87.84 in hint(f, "reported_score")


def test_basic_info_table_unit_from_caption():
    f = read(doc_from_truth("shaoguan-2020-project-self.docx", before=["金额单位：万元"]), only=[0])
    tot = table_lines(f)["total"]
    assert (tot.final_yuan, tot.spent_yuan) == (1000000, 1000000)
    ind = by_name(f, "单位上线成本")[0]
    assert (ind.level1, ind.level2, ind.target_value, ind.actual_value, ind.unit) == ("产出指标", "成本指标", 6000, 2940, "元")
    assert ind.formula and "成本" in ind.formula


def test_no_unit_no_money():
    """Figures whose unit nobody states are not guessed."""
    t = Table(rows=[["项目", "年初预算数", "实际支出数"], ["合计", "120.00", "118.00"]], page_start=1, page_end=1)
    doc = Document(path="x", format="docx", blocks=[t])
    f = read(doc)
    assert not [b for b in f.budgets if b.spent_yuan is not None]
    assert f.problems and "unit" in f.problems[0]


def test_statistics_table_is_not_read_as_budget():
    f = read(doc_from_truth("jiangmen-2022-project-self.docx"))
    assert not f.budgets and not f.indicators and not f.scores and not hint(f, "reported_score")


# ---------------------------------------------------------------- another template (synthetic)

OTHER_BUDGET = [
    ["资金来源", "序号", "调整后预算（元）", "年初预算（元）", "实际支出（元）", "支出率（%）"],
    ["中央补助资金", "1", "1,200,000.00", "1,000,000.00", "1,150,000.00", "95.83"],
    ["县级配套资金", "2", "300,000.00", "300,000.00", "300,000.00", "100"],
    ["总计", "", "1,500,000.00", "1,300,000.00", "1,450,000.00", "96.67"],
]
# a PDF-like grid: no merges, merged labels are "" below their first row, a page break splits it
OTHER_IND_P1 = [
    ["指标名称", "一级指标", "二级指标", "目标值", "实际值", "权重", "自评得分", "扣分原因"],
    ["培训人次", "产出", "数量", "不少于500人次", "612人次", "10", "10", ""],
    ["合格率", "", "质量", "≥90%", "88.5%", "10", "9", "个别批次不合格"],
]
OTHER_IND_P2 = [
    ["农户满意度", "满意度", "服务对象满意度", "90%以上", "96%", "10", "10", ""],
    ["得分合计", "", "", "", "", "30", "29", ""],
]


def test_other_template_yuan_reordered_headers_and_page_break():
    t1 = Table(rows=OTHER_BUDGET, page_start=1, page_end=1)
    t2 = Table(rows=OTHER_IND_P1, page_start=2, page_end=2)
    t3 = Table(rows=OTHER_IND_P2, page_start=3, page_end=3)
    doc = Document(path="x.pdf", format="pdf", blocks=[Paragraph("表1 资金情况", 1), t1, t2, Paragraph("续表", 3), t3])
    f = read(doc)
    lines = table_lines(f)
    assert lines["total"].final_yuan == 1500000 and lines["total"].initial_yuan == 1300000
    assert lines["total"].reported_rate_pct == 96.67  # "支出率（%）" header: bare numbers are percents
    assert lines["中央补助资金"].spent_yuan == 1150000 and lines["县级配套资金"].reported_rate_pct == 100
    a = by_name(f, "培训人次")[0]
    assert (a.level1, a.level2, a.target_op, a.target_value, a.actual_value, a.unit, a.weight, a.score) == \
        ("产出", "数量", ">=", 500, 612, "人次", 10, 10)
    b = by_name(f, "合格率")[0]
    assert b.level1 == "产出" and b.page == 2 and b.target_value == 90 and b.actual_value == 88.5
    c = by_name(f, "农户满意度")[0]  # continued on the next page without a header
    assert (c.level1, c.page, c.target_op, c.target_value, c.score) == ("满意度", 3, ">=", 90, 10)
    assert strong(f, "reported_score") == [29]


def test_list_splitting_only_for_numbered_value_lists():
    assert split_numbered("1. 培训场次: 114次 2. 月均话务量: 175560次") == ["培训场次: 114次", "月均话务量: 175560次"]
    assert split_numbered("培训场次114次") is None
    assert split_numbered("2. 先有二 1. 再有一") is None
    assert name_value("及时解答率98.93%", 40) == ("及时解答率", "98.93%")
    assert name_value("做好日常调度", 40) == ("做好日常调度", None)


@pytest.mark.parametrize("header,role", [
    ("年初预算安排数", "initial"), ("预算调整额（调减金额用“负数”表示）", "adjusted"), ("全年执行数", "spent"),
    ("权重 40/m (m为产出指标总数)", "weight"), ("评价年度实现值", "actual"), ("指标计算公式", "formula"),
    ("自评分 (定量指标得分=完成率*权重)", "score"), ("三级指标", "name"),
])
def test_header_roles_by_meaning(header, role):
    assert role in [r for r, _ in load_vocab().roles_of(header)]


def test_unit_declarations():
    assert unit_in("项目资金（万元）") == "万元" and unit_in("金额单位：元") == "元" and unit_in("项目单位：某局") is None


def test_group_rows_open_sections():
    """Scoring tables that state 一级指标 as full-width group rows instead of a column."""
    rows = [["指标", "分值", "得分", "评分说明"],
            ["一、决策（20分）", "", "", ""],
            ["立项依据充分性", "5", "5", ""],
            ["绩效目标合理性", "15", "12", "目标偏低"],
            ["二、过程（30分）", "", "", ""],
            ["资金到位率", "30", "30", ""],
            ["总分", "50", "47", ""]]
    t = Table(rows=rows, page_start=1, page_end=1, merges=[(1, 0, 1, 3), (4, 0, 4, 3)])
    f = read(Document(path="x", format="docx", blocks=[t]))
    assert [(i.level1, i.name, i.weight, i.score) for i in f.indicators] == [
        ("决策", "立项依据充分性", 5, 5), ("决策", "绩效目标合理性", 15, 12), ("过程", "资金到位率", 30, 30)]
    assert {s.section: s.max_points for s in f.scores} == {"决策": 20, "过程": 30}
    assert strong(f, "reported_score") == [47]


def test_repeated_header_and_cell_cut_by_page_break():
    """A PDF table continued on the next page repeats its header; the 一级指标 cell '过程（25分）'
    is cut in two ('过程（25' / '分）')."""
    p1 = [["一级指标", "二级指标", "三级指标", "分值", "得分"],
          ["投入（15分）", "项目立项", "项目立项规范性", "15", "14.5"],
          ["过程（25", "业务管理", "管理制度健全性", "4", "4"]]
    p2 = [["一级指标", "二级指标", "三级指标", "分值", "得分"],
          ["分）", "", "制度执行有效性", "21", "20"],
          ["过程小计", "", "", "25", "24"],
          ["合计", "", "", "40", "38.5"]]
    doc = Document(path="x.pdf", format="pdf", blocks=[Table(rows=p1, page_start=7, page_end=7),
                                                       Table(rows=p2, page_start=8, page_end=8)])
    f = read(doc)
    ind = by_name(f, "制度执行有效性")[0]
    assert (ind.level1, ind.level2, ind.page, ind.weight) == ("过程", "业务管理", 8, 21)
    assert {s.section: (s.max_points, s.points) for s in f.scores} == {"投入": (15, None), "过程": (25, 24)}
    assert strong(f, "reported_score") == [38.5]


def test_user_vocabulary_extends_the_headers(tmp_path):
    from jixiao.settings import Settings

    rows = [["支出明细", "核定额度（元）", "已拨付（元）"], ["合计", "50,000.00", "45,000.00"]]
    doc = Document(path="x", format="docx", blocks=[Table(rows=rows, page_start=1, page_end=1)])
    seg = Segment(blocks=list(doc.blocks), page_start=1, page_end=1)
    assert not read_tables(seg, doc).budgets  # unknown wording: nothing is guessed
    extra = tmp_path / "mine.toml"
    extra.write_text('[columns]\nfinal = ["核定额度"]\nspent = ["已拨付"]\n', encoding="utf-8")
    s = Settings()
    s.normalize["tables"] = {"vocab_path": str(extra)}
    tot = table_lines(read_tables(seg, doc, s))["total"]
    assert (tot.line, tot.final_yuan, tot.spent_yuan) == ("total", 50000, 45000)


def test_a_section_named_only_by_the_tables_caption():
    head = ["二级指标", "三级指标", "分值", "评分标准", "得分"]
    blocks = [Paragraph("表3-1 决策类指标评分表", 1),
              Table(rows=[head, ["项目立项", "立项依据充分性", "3", "符合规划得3分", "3"],
                          ["", "绩效目标合理性", "3", "每缺一项扣1分", "2.5"], ["小计", "", "6", "", "5.5"]],
                    page_start=1, page_end=1, merges=[(1, 0, 2, 0)]),
              Paragraph("表3-2 过程类指标评分表", 2),
              Table(rows=[head, ["资金管理", "资金到位率", "4", "到位率100%得4分", "4"], ["小计", "", "4", "", "4"]],
                    page_start=2, page_end=2),
              Paragraph("二、项目绩效情况", 3),  # an unnumbered heading names no section
              Table(rows=[head, ["产出数量", "禁牧面积落实率", "8", "落实得8分", "8"]], page_start=3, page_end=3)]
    doc = Document(path="x.docx", format="docx", blocks=blocks)
    f = read_tables(Segment(blocks=blocks, page_start=1, page_end=3), doc)
    assert {s.section: (s.max_points, s.points) for s in f.scores} == {"决策": (6, 5.5), "过程": (4, 4)}
    got = {i.name: i.level1 for i in f.indicators}
    assert got == {"立项依据充分性": "决策", "绩效目标合理性": "决策", "资金到位率": "过程", "禁牧面积落实率": None}


def test_a_bare_subtotal_under_a_merged_group_closes_that_group():
    rows = [["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "新建暖棚", "≥260座", "248座", "2", "1.8"],
            ["", "", "培训人次", "≥2000人次", "2136人次", "2", "2"],
            ["", "", "小计", "", "", "4", "3.8"],
            ["", "质量指标", "验收合格率", "100%", "100%", "2", "2"],
            ["", "", "小计", "", "", "2", "2"],
            ["效益指标", "社会效益指标", "群众满意度", "≥90%", "93%", "4", "4"],
            ["", "", "小计", "", "", "4", "4"]]
    merges = [(1, 0, 5, 0), (1, 1, 3, 1), (4, 1, 5, 1), (6, 0, 7, 0), (6, 1, 7, 1)]
    t = Table(rows=rows, page_start=1, page_end=1, merges=merges)
    f = read_tables(Segment(blocks=[t], page_start=1, page_end=1), Document(path="x.xlsx", format="xlsx", blocks=[t]))
    assert {s.section: (s.max_points, s.points) for s in f.scores} == {
        "数量指标": (4, 3.8), "质量指标": (2, 2), "社会效益指标": (4, 4)}


def test_a_money_block_laid_out_down_a_column():
    rows = [["部门（单位）名称", "", "某县教育局", ""],
            ["年度预算执行情况", "项目", "金额（万元）", "备注"],
            ["", "年初预算数", "8,652.40", "县人大批复的年初部门预算"],
            ["", "全年预算数", "9,120.00", "含年中追加预算467.60万元"],
            ["", "全年执行数", "8,983.20", ""],
            ["", "预算执行率", "98.50%", "全年执行数÷全年预算数"],
            ["一级指标", "三级指标", "年度指标值", "实际完成值"],
            ["产出指标", "预算执行率", "≥95%", "98.5%"]]
    t = Table(rows=rows, page_start=1, page_end=1, merges=[(1, 0, 5, 0)])
    f = read_tables(Segment(blocks=[t], page_start=1, page_end=1), Document(path="x.docx", format="docx", blocks=[t]))
    tot = [b for b in f.budgets if b.line == "total"]
    assert [(b.initial_yuan, b.final_yuan, b.spent_yuan, b.reported_rate_pct) for b in tot] == [
        (86524000.0, 91200000.0, 89832000.0, 98.5)]
    # without a declared unit the money stays unread
    rows[1][2] = "金额"
    t = Table(rows=rows, page_start=1, page_end=1, merges=[(1, 0, 5, 0)])
    f = read_tables(Segment(blocks=[t], page_start=1, page_end=1), Document(path="x.docx", format="docx", blocks=[t]))
    assert not [b for b in f.budgets if b.initial_yuan is not None]


def test_last_years_columns_beside_this_years_are_left_unread():
    rows = [["支出内容", "2022年预算数", "2022年支出数", "2023年预算数", "2023年支出数", "2023年执行率"],
            ["设施运维服务费", "2,190.00", "2,142.80", "2,310.00", "2,268.52", "98.20%"],
            ["合计", "2,740.00", "2,651.30", "3,005.00", "2,918.46", "97.12%"]]
    t = Table(rows=rows, page_start=1, page_end=1)
    blocks = [Paragraph("单位：万元", 1), t]
    f = read_tables(Segment(blocks=blocks, page_start=1, page_end=1), Document(path="x.docx", format="docx", blocks=blocks))
    got = {b.line: (b.final_yuan, b.spent_yuan, b.reported_rate_pct) for b in f.budgets}
    assert got == {"设施运维服务费": (23100000.0, 22685200.0, 98.2), "total": (30050000.0, 29184600.0, 97.12)}
